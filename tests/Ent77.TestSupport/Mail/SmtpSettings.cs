using System.Globalization;

namespace Ent77.TestSupport.Mail;

/// <summary>The settings that point the service at an SMTP server on a loopback port, in plain text.</summary>
public static class SmtpSettings
{
    public static IDictionary<string, string?> ForLoopback(int port) => new Dictionary<string, string?>
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = "ENT 77 <ne-pas-repondre@ent77.test>",
    };
}
