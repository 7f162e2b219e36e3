using Ent77.Application.Administration.Access;
using Ent77.Application.Common.Events;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Auditing;
using Ent77.Domain.Support.Events;

namespace Ent77.Application.Auditing;

/// <summary>A help request taken in hand, naming the administrator.</summary>
public sealed class HelpRequestStartedAuditHandler(IAuditLog audit, AdministratorContext context) : OnDomainEvent<HelpRequestStarted>
{
    protected override ValueTask HandleAsync(IReadOnlyList<HelpRequestStarted> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            audit.Record(AuditEvent.Record(AuditTypes.HelpRequestStarted, e.OccurredAt, establishmentId: e.EstablishmentId.Value, actorAccountId: context.ActorAccountId, details: e.Reference));
        }

        return ValueTask.CompletedTask;
    }
}
