using Ent77.Application.Administration.Access;
using Ent77.Application.Common.Events;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Auditing;
using Ent77.Domain.Support;
using Ent77.Domain.Support.Events;

namespace Ent77.Application.Auditing;

/// <summary>A help request resolved or rejected, naming the administrator.</summary>
public sealed class HelpRequestClosedAuditHandler(IAuditLog audit, AdministratorContext context) : OnDomainEvent<HelpRequestClosed>
{
    protected override ValueTask HandleAsync(IReadOnlyList<HelpRequestClosed> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            var type = e.Outcome == HelpRequestStatus.Resolved ? AuditTypes.HelpRequestResolved : AuditTypes.HelpRequestRejected;
            audit.Record(AuditEvent.Record(type, e.OccurredAt, establishmentId: e.EstablishmentId.Value, actorAccountId: context.ActorAccountId, details: e.Reference));
        }

        return ValueTask.CompletedTask;
    }
}
