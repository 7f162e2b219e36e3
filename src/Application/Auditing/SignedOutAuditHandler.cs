using Ent77.Application.Accounts.SignOut;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Auditing;
using Mediator;

namespace Ent77.Application.Auditing;

/// <summary>A sign-out.</summary>
public sealed class SignedOutAuditHandler(IAuditLog audit) : INotificationHandler<SignedOut>
{
    public ValueTask Handle(SignedOut notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        audit.Record(AuditEvent.Record(AuditTypes.SignedOut, notification.OccurredAt, notification.AccountId));
        return ValueTask.CompletedTask;
    }
}
