using Ent77.Application.Administration.SchoolExports;

namespace Ent77.Infrastructure.Administration.SchoolExports;

/// <summary>
/// A read-only view of a stream that throws as soon as more than <c>limit</c> bytes (or more than the shared budget)
/// come through: it never asks its source for more than one byte past what is allowed, so a file several times the
/// cap, or a zip bomb, is refused after reading the cap, whatever sizes a header claims. Read synchronously: its
/// source is an upload already in memory, or an entry inflated from one.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long limit, string reason, ExportByteBudget? budget = null) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer[..Allowed(buffer.Length)]);
        return Count(read);
    }

    /// <summary>At most one byte more than what may still be read: enough to prove the source is too long.</summary>
    private int Allowed(int wanted)
    {
        if (wanted == 0)
        {
            return 0;
        }

        var left = Math.Min(limit - _read, budget?.Remaining ?? long.MaxValue);
        return (int)Math.Max(1, Math.Min(wanted, left + 1));
    }

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
        {
            throw new ExportReadException(SchoolExportProblemKind.TooLarge, reason);
        }

        budget?.Charge(read);
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
