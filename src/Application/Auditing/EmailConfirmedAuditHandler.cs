using Ent77.Application.Common.Events;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts.Events;
using Ent77.Domain.Auditing;

namespace Ent77.Application.Auditing;

/// <summary>An e-mail address confirmed by its link.</summary>
public sealed class EmailConfirmedAuditHandler(IAuditLog audit) : OnDomainEvent<EmailConfirmed>
{
    protected override ValueTask HandleAsync(IReadOnlyList<EmailConfirmed> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            audit.Record(AuditEvent.Record(AuditTypes.EmailConfirmed, e.OccurredAt, e.AccountId.Value, e.EstablishmentId?.Value));
        }

        return ValueTask.CompletedTask;
    }
}
