using Ent77.Application.Accounts.ConfirmPasswordReset;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Auditing;
using Mediator;

namespace Ent77.Application.Auditing;

/// <summary>A refused reset secret, with its channel.</summary>
public sealed class PasswordResetFailedAuditHandler(IAuditLog audit) : INotificationHandler<PasswordResetFailed>
{
    public ValueTask Handle(PasswordResetFailed notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        audit.Record(AuditEvent.Record(AuditTypes.PasswordResetFailed, notification.OccurredAt, notification.AccountId, notification.EstablishmentId, details: notification.Channel.ToString()));
        return ValueTask.CompletedTask;
    }
}
