using Ent77.Application.Administration.Access;
using Ent77.Application.Common.Events;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts.Events;
using Ent77.Domain.Auditing;

namespace Ent77.Application.Auditing;

/// <summary>A block, naming the administrator, and why when it was not by hand (a synchronisation's leaver).</summary>
public sealed class AccountBlockedAuditHandler(IAuditLog audit, AdministratorContext context) : OnDomainEvent<AccountBlocked>
{
    protected override ValueTask HandleAsync(IReadOnlyList<AccountBlocked> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            audit.Record(AuditEvent.Record(AuditTypes.AccountBlocked, e.OccurredAt, e.AccountId.Value, e.EstablishmentId?.Value, context.ActorAccountId, e.Reason));
        }

        return ValueTask.CompletedTask;
    }
}
