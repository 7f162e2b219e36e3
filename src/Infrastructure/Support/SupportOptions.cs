namespace Ent77.Infrastructure.Support;

/// <summary><c>Support:*</c>.</summary>
public sealed class SupportOptions
{
    public const string Section = "Support";

    /// <summary>How long a closed help request is kept (365 days by default).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Cron of the purge (every night at 03:17 by default).</summary>
    public string PurgeCron { get; set; } = "17 3 * * *";
}
