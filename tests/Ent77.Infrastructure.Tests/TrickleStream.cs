namespace Ent77.Infrastructure.Tests;

/// <summary>
/// A non-seekable stream that, like a request body read as it arrives, refuses synchronous reads and hands its
/// bytes over a few at a time; counts what it served.
/// </summary>
internal sealed class TrickleStream(byte[] data, int chunk) : ForwardOnlyStream
{
    public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous reads are not allowed.");

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = (int)Math.Min(Math.Min(chunk, buffer.Length), data.Length - Served);
        data.AsSpan((int)Served, n).CopyTo(buffer.Span);
        Served += n;
        return ValueTask.FromResult(n);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
