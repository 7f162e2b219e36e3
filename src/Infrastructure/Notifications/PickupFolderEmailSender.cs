using MimeKit;

namespace Ent77.Infrastructure.Notifications;

/// <summary>Without an SMTP host: each message becomes a <c>.eml</c> file a newcomer can open.</summary>
public sealed class PickupFolderEmailSender(string directory) : IEmailSender, IEmailConnection
{
    public string Directory { get; } = directory;

    public Task<IEmailConnection> ConnectAsync(CancellationToken cancellationToken) => Task.FromResult<IEmailConnection>(this);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        System.IO.Directory.CreateDirectory(Directory);
        var path = Path.Combine(Directory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(path, cancellationToken);
    }
}
