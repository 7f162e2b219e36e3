using Ent77.Application.Administration.Access;
using Ent77.Application.Common.Events;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Auditing;
using Ent77.Domain.Establishments.Events;

namespace Ent77.Application.Auditing;

/// <summary>A school added, with its UAI, naming who added it (none for the operator at the command line).</summary>
public sealed class EstablishmentCreatedAuditHandler(IAuditLog audit, AdministratorContext context) : OnDomainEvent<EstablishmentCreated>
{
    protected override ValueTask HandleAsync(IReadOnlyList<EstablishmentCreated> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            audit.Record(AuditEvent.Record(AuditTypes.EstablishmentCreated, e.OccurredAt, establishmentId: e.EstablishmentId.Value, actorAccountId: context.ActorAccountId, details: e.Uai));
        }

        return ValueTask.CompletedTask;
    }
}
