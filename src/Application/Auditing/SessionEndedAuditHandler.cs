using Ent77.Application.Accounts.EndSession;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Auditing;
using Mediator;

namespace Ent77.Application.Auditing;

/// <summary>A session ended by its owner from another one.</summary>
public sealed class SessionEndedAuditHandler(IAuditLog audit) : INotificationHandler<SessionEnded>
{
    public ValueTask Handle(SessionEnded notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        audit.Record(AuditEvent.Record(AuditTypes.SessionEnded, notification.OccurredAt, notification.AccountId, actorAccountId: notification.AccountId));
        return ValueTask.CompletedTask;
    }
}
