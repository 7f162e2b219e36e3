using Ent77.Domain.Notifications;
using Ent77.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ent77.Infrastructure.Notifications;

/// <summary>
/// Writes a message's delivery state as its aggregate now holds it (after <see cref="Notification.MarkSent"/>), in one
/// <c>UPDATE … WHERE Id</c>, instead of a change-tracked <c>SaveChanges</c> that would first compare every message of the
/// claim: the aggregate decides what "sent" sets; this writes every field a delivery can change (all but the ones set at
/// creation), whatever the transition, and stops tracking the message (a later save of the batch leaves it alone).
/// </summary>
internal static class OutboxMark
{
    public static async Task WriteAsync(Ent77DbContext db, Notification notification, CancellationToken cancellationToken)
    {
        var id = notification.Id;
        var sentAt = notification.SentAt;
        var protectedSecret = notification.ProtectedSecret;
        var attempts = notification.Attempts;
        var lastError = notification.LastError;
        var nextAttemptAt = notification.NextAttemptAt;
        var abandonedAt = notification.AbandonedAt;
        var claimedUntil = notification.ClaimedUntil;
        var claimToken = notification.ClaimToken;
        await db.Notifications
            .Where(n => n.Id == id)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(n => n.SentAt, sentAt)
                    .SetProperty(n => n.ProtectedSecret, protectedSecret)
                    .SetProperty(n => n.Attempts, attempts)
                    .SetProperty(n => n.LastError, lastError)
                    .SetProperty(n => n.NextAttemptAt, nextAttemptAt)
                    .SetProperty(n => n.AbandonedAt, abandonedAt)
                    .SetProperty(n => n.ClaimedUntil, claimedUntil)
                    .SetProperty(n => n.ClaimToken, claimToken),
                cancellationToken);
        db.Entry(notification).State = EntityState.Detached;
    }
}
