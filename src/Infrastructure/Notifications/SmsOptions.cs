namespace Ent77.Infrastructure.Notifications;

/// <summary><c>Sms:*</c>. Disabled by default: the SMS reset channel is not offered until the service opens.</summary>
public sealed class SmsOptions
{
    public const string Section = "Sms";

    public bool Enabled { get; set; }

    /// <summary><c>Http</c> (a JSON gateway at <see cref="Endpoint"/>) or <c>File</c> (text files under the data folder, for development).</summary>
    public string Provider { get; set; } = "File";

    public Uri? Endpoint { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>Sender name shown on the phone.</summary>
    public string Sender { get; set; } = "ENT77";
}
