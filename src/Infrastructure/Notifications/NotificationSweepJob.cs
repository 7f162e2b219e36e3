using Ent77.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace Ent77.Infrastructure.Notifications;

/// <summary>
/// Recurring safety net: when messages are unsent, not held, and due — one whose enqueue was lost when the process died
/// after the commit, or whose retry is due — enqueues a delivery job, which takes them all. Returns how many are due.
/// </summary>
public sealed class NotificationSweepJob(Ent77DbContext db, IBackgroundJobClient jobs, TimeProvider time)
{
    public const string RecurringJobId = "notifications-sweep";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await db.Notifications
            .CountAsync(n => n.SentAt == null && n.AbandonedAt == null
                && (n.NextAttemptAt == null || n.NextAttemptAt <= now)
                && (n.ClaimedUntil == null || n.ClaimedUntil < now), cancellationToken);
        if (due > 0)
        {
            jobs.Enqueue<NotificationDeliveryJob>(job => job.DeliverDueAsync(CancellationToken.None));
        }

        return due;
    }
}
