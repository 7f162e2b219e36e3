using Ent77.Domain.Notifications;
using Ent77.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ent77.Infrastructure.Notifications;

/// <summary>
/// Takes the due messages for one delivery job, atomically, on every database: one <c>UPDATE … WHERE Id IN (the oldest due)
/// AND still unclaimed</c> stamps them with a fresh token, then the rows carrying that token are read back. The "still
/// unclaimed" test sits on the updated rows themselves, so when two instances race for the same rows the loser's
/// statement re-reads them after the winner commits (PostgreSQL's read committed, SQL Server's update locks; SQLite
/// writes one at a time) and finds them taken: no message is ever in two claims (docs/PERFORMANCE.md).
/// </summary>
internal static class OutboxClaim
{
    public static async Task<List<Notification>> ClaimDueAsync(
        Ent77DbContext db, DateTimeOffset now, TimeSpan duration, int max, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        var until = now + duration;
        var oldestDue = db.Notifications
            .Where(n => n.SentAt == null && n.AbandonedAt == null
                && (n.NextAttemptAt == null || n.NextAttemptAt <= now)
                && (n.ClaimedUntil == null || n.ClaimedUntil < now))
            .OrderBy(n => n.CreatedAt)
            .Take(max)
            .Select(n => n.Id);
        var claimed = await db.Notifications
            .Where(n => oldestDue.Contains(n.Id)
                && n.SentAt == null && n.AbandonedAt == null && (n.ClaimedUntil == null || n.ClaimedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ClaimedUntil, until).SetProperty(n => n.ClaimToken, token), cancellationToken);
        return claimed == 0
            ? []
            : await db.Notifications.Where(n => n.ClaimToken == token).OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Given messages, if still to send and free, whether their retry time has come by this clock or not: a retry job
    /// runs when the job server's clock says so, and another instance's clock may be a little behind.
    /// </summary>
    public static async Task<List<Notification>> ClaimAsync(
        Ent77DbContext db, IReadOnlyCollection<Guid> notificationIds, DateTimeOffset now, TimeSpan duration, CancellationToken cancellationToken)
    {
        var token = Guid.NewGuid();
        var until = now + duration;
        var claimed = await db.Notifications
            .Where(n => notificationIds.Contains(n.Id) && n.SentAt == null && n.AbandonedAt == null && (n.ClaimedUntil == null || n.ClaimedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ClaimedUntil, until).SetProperty(n => n.ClaimToken, token), cancellationToken);
        return claimed == 0 ? [] : await db.Notifications.Where(n => n.ClaimToken == token).OrderBy(n => n.CreatedAt).ToListAsync(cancellationToken);
    }
}
