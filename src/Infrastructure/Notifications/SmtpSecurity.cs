namespace Ent77.Infrastructure.Notifications;

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
    Auto,
}
