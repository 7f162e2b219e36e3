using MailKit.Net.Smtp;
using MimeKit;

namespace Ent77.Infrastructure.Notifications;

/// <summary>An SMTP session kept open for a batch; closed with QUIT (best effort: every message was already accepted or not).</summary>
internal sealed class SmtpEmailConnection(SmtpClient client) : IEmailConnection
{
    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken) => client.SendAsync(message, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.CommandException or OperationCanceledException)
        {
            // The relay went away after the last message: nothing left to hand over.
        }
        finally
        {
            client.Dispose();
        }
    }
}
