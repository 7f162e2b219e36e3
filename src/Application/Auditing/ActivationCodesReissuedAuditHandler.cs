using Ent77.Application.Administration.Access;
using Ent77.Application.Administration.ReissueCodes;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Auditing;
using Mediator;

namespace Ent77.Application.Auditing;

/// <summary>A re-issue, with how many codes (each new code has its own row: <see cref="ActivationCodeIssuedAuditHandler"/>).</summary>
public sealed class ActivationCodesReissuedAuditHandler(IAuditLog audit, AdministratorContext context) : INotificationHandler<ActivationCodesReissued>
{
    public ValueTask Handle(ActivationCodesReissued notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        audit.Record(AuditEvent.Record(AuditTypes.ActivationCodesReissued, notification.OccurredAt, establishmentId: notification.EstablishmentId,
            actorAccountId: context.ActorAccountId, details: $"{notification.Count} nouveau(x) code(s)"));
        return ValueTask.CompletedTask;
    }
}
