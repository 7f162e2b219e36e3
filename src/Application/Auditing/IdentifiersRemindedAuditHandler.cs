using Ent77.Application.Accounts.RemindIdentifier;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Auditing;
using Mediator;

namespace Ent77.Application.Auditing;

/// <summary>An identifier reminder sent, with how many identifiers (not which).</summary>
public sealed class IdentifiersRemindedAuditHandler(IAuditLog audit) : INotificationHandler<IdentifiersReminded>
{
    public ValueTask Handle(IdentifiersReminded notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        audit.Record(AuditEvent.Record(AuditTypes.IdentifierReminderSent, notification.OccurredAt, notification.AccountId, notification.EstablishmentId,
            details: $"{notification.Identifiers.Count} compte(s)"));
        return ValueTask.CompletedTask;
    }
}
