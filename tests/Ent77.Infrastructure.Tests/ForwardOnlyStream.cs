namespace Ent77.Infrastructure.Tests;

/// <summary>
/// What the test streams that play a request body share: read forward only (no seeking, no length, no writing), and a
/// count of the bytes served, so that a test can prove how much a reader asked for.
/// </summary>
internal abstract class ForwardOnlyStream : Stream
{
    public long Served { get; protected set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
