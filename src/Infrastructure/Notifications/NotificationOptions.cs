namespace Ent77.Infrastructure.Notifications;

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
    Auto,
}

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

/// <summary><c>Jobs:*</c>: background delivery.</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>How often workers look for new jobs (a reset e-mail should leave within about a second).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int WorkerCount { get; set; } = 2;

    /// <summary>First retry delay after a failed send; each next one is three times longer, at most an hour.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Sends tried before a message is abandoned (its last error kept for the operator).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How long a worker holds a message it is sending before another may take it.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Cron of the sweep that re-enqueues unsent messages (lost enqueue, due retries).</summary>
    public string SweepCron { get; set; } = "* * * * *";

    /// <summary>False runs no job server in this process (it still writes the outbox and enqueues).</summary>
    public bool RunServer { get; set; } = true;

    public TimeSpan RetryDelay(int attempts) =>
        TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, RetryBaseDelay.Ticks * (long)Math.Pow(3, Math.Max(0, attempts - 1))));
}
