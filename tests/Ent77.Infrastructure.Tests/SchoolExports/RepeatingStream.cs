namespace Ent77.Infrastructure.Tests.SchoolExports;

/// <summary>
/// A non-seekable stream of <paramref name="length"/> bytes made on the fly: a head, then one block repeated (a
/// file far bigger than anything kept in memory). Counts what it served.
/// </summary>
internal sealed class RepeatingStream(byte[] head, byte[] block, long length) : ForwardOnlyStream
{
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && Served < length)
        {
            var (source, at) = Served < head.Length ? (head, (int)Served) : (block, (int)((Served - head.Length) % block.Length));
            var n = (int)Math.Min(Math.Min(buffer.Length - written, source.Length - at), length - Served);
            source.AsSpan(at, n).CopyTo(buffer[written..]);
            written += n;
            Served += n;
        }

        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => Task.FromResult(Read(buffer.AsSpan(offset, count)));
}
