using Ent77.Application.Common.Events;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts.Events;
using Ent77.Domain.Auditing;

namespace Ent77.Application.Auditing;

/// <summary>New contact details, given by the account's owner (the actor).</summary>
public sealed class ContactDetailsChangedAuditHandler(IAuditLog audit) : OnDomainEvent<ContactDetailsChanged>
{
    protected override ValueTask HandleAsync(IReadOnlyList<ContactDetailsChanged> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            audit.Record(AuditEvent.Record(AuditTypes.ContactUpdated, e.OccurredAt, e.AccountId.Value, e.EstablishmentId?.Value, e.AccountId.Value));
        }

        return ValueTask.CompletedTask;
    }
}
