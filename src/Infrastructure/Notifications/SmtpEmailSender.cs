using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace Ent77.Infrastructure.Notifications;

/// <summary>
/// MailKit over SMTP (<c>Smtp:*</c>): STARTTLS, SSL on connect, none, or <c>Auto</c> (SSL on port 465, else STARTTLS when the
/// relay offers it). The login (<c>Smtp:Username</c>) is only ever sent over an encrypted connection: when the relay
/// did not encrypt it, nothing is sent and the error says why (the messages are retried, then kept with it as their last error).
/// </summary>
public sealed class SmtpEmailSender(IOptions<SmtpOptions> options) : IEmailSender
{
    public async Task<IEmailConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Smtp:Host is not set."), smtp.Port, smtp.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.Auto,
            }, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                if (!client.IsSecure)
                {
                    throw new InvalidOperationException(
                        $"The SMTP relay {smtp.Host}:{smtp.Port} did not encrypt the connection (Smtp:Security = {smtp.Security}): "
                        + "the login is not sent in clear. Use StartTls or SslOnConnect with a relay that supports it.");
                }

                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? string.Empty, cancellationToken);
            }

            return new SmtpEmailConnection(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
