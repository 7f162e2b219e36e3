using Ent77.Application.Common.Events;
using Ent77.Application.Common.Ports;
using Ent77.Application.Support;
using Ent77.Domain.Auditing;
using Ent77.Domain.Support.Events;

namespace Ent77.Application.Auditing;

/// <summary>A help request arrived, with its reference (the requester is anonymous: nothing they typed is written here).</summary>
public sealed class HelpRequestSubmittedAuditHandler(IAuditLog audit, IHelpRequestRepository requests) : OnDomainEvent<HelpRequestSubmitted>
{
    protected override async ValueTask HandleAsync(IReadOnlyList<HelpRequestSubmitted> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            var request = await requests.FindAsync(e.HelpRequestId, cancellationToken);
            audit.Record(AuditEvent.Record(AuditTypes.HelpRequestSubmitted, e.OccurredAt, establishmentId: e.EstablishmentId.Value, details: request?.Reference));
        }
    }
}
