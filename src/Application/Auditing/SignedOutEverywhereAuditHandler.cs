using Ent77.Application.Accounts.SignOutEverywhere;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Auditing;
using Mediator;

namespace Ent77.Application.Auditing;

/// <summary>Every session of an account ended by its owner.</summary>
public sealed class SignedOutEverywhereAuditHandler(IAuditLog audit) : INotificationHandler<SignedOutEverywhere>
{
    public ValueTask Handle(SignedOutEverywhere notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        audit.Record(AuditEvent.Record(AuditTypes.SignedOutEverywhere, notification.OccurredAt, notification.AccountId, actorAccountId: notification.AccountId));
        return ValueTask.CompletedTask;
    }
}
