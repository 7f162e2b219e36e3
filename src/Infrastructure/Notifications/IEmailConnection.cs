using MimeKit;

namespace Ent77.Infrastructure.Notifications;

/// <summary>One open connection to the relay: messages go one after the other. Throws when a message was not accepted.</summary>
public interface IEmailConnection : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}
