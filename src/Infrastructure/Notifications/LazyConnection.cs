namespace Ent77.Infrastructure.Notifications;

/// <summary>The relay connection of one delivery job: opened at its first e-mail (a batch of text messages needs none), kept for the rest.</summary>
internal sealed class LazyConnection(IEmailSender sender) : IAsyncDisposable
{
    private IEmailConnection? _open;

    /// <summary>Whether the last attempt to open it failed (nothing of the batch can go).</summary>
    public bool Failed { get; private set; }

    public async Task<IEmailConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_open is not null)
        {
            return _open;
        }

        try
        {
            _open = await sender.ConnectAsync(cancellationToken);
            Failed = false;
            return _open;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Failed = true;
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_open is not null)
        {
            await _open.DisposeAsync();
        }
    }
}
