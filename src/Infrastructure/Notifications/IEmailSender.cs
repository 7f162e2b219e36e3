namespace Ent77.Infrastructure.Notifications;

/// <summary>
/// Hands e-mails over: one connection for a whole batch (docs/PERFORMANCE.md "Notification pipeline"). Throws when it
/// could not connect.
/// </summary>
public interface IEmailSender
{
    Task<IEmailConnection> ConnectAsync(CancellationToken cancellationToken);
}
