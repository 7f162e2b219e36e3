using Ent77.Application.Administration.Access;
using Ent77.Application.Common.Events;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts.Events;
using Ent77.Domain.Auditing;

namespace Ent77.Application.Auditing;

/// <summary>An unblock, naming the administrator.</summary>
public sealed class AccountUnblockedAuditHandler(IAuditLog audit, AdministratorContext context) : OnDomainEvent<AccountUnblocked>
{
    protected override ValueTask HandleAsync(IReadOnlyList<AccountUnblocked> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            audit.Record(AuditEvent.Record(AuditTypes.AccountUnblocked, e.OccurredAt, e.AccountId.Value, e.EstablishmentId?.Value, context.ActorAccountId));
        }

        return ValueTask.CompletedTask;
    }
}
