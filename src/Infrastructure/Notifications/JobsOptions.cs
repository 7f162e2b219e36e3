namespace Ent77.Infrastructure.Notifications;

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
