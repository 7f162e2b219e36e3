namespace Ent77.Infrastructure.Notifications;

/// <summary><c>Smtp:*</c>. Without <see cref="Host"/>, e-mails are written as <c>.eml</c> files into the pickup folder.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "ENT 77 <ne-pas-repondre@ent77.fr>";

    /// <summary>Where <c>.eml</c> files go when no host is set (default: <c>mail</c> under the data folder).</summary>
    public string? PickupDirectory { get; set; }
}
