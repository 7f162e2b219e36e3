namespace Ent77.Infrastructure.Administration.SchoolExports;

/// <summary>A read-only stream that serves bytes already read (the sniffed head of a file) and then the rest of its source, synchronously.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
{
    private ReadOnlyMemory<byte> _prefix = prefix;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Up to <paramref name="max"/> first bytes of a stream (fewer only at its end).</summary>
    public static byte[] ReadHead(Stream stream, int max)
    {
        var head = new byte[max];
        var length = 0;
        while (length < max)
        {
            var read = stream.Read(head.AsSpan(length));
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return length == max ? head : head[..length];
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_prefix.IsEmpty)
        {
            return rest.Read(buffer);
        }

        var n = Math.Min(buffer.Length, _prefix.Length);
        _prefix.Span[..n].CopyTo(buffer);
        _prefix = _prefix[n..];
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
