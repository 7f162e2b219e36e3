using Ent77.Application.Accounts.ActivateAccount;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Auditing;
using Mediator;

namespace Ent77.Application.Auditing;

/// <summary>A refused activation.</summary>
public sealed class ActivationFailedAuditHandler(IAuditLog audit) : INotificationHandler<ActivationFailed>
{
    public ValueTask Handle(ActivationFailed notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        audit.Record(AuditEvent.Record(AuditTypes.ActivationFailed, notification.OccurredAt, notification.AccountId, notification.EstablishmentId));
        return ValueTask.CompletedTask;
    }
}
