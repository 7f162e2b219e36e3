using Ent77.Application.Administration.Access;
using Ent77.Application.Common.Ports;
using Ent77.Application.Establishments.IssueAdministrator;
using Ent77.Domain.Accounts;
using Ent77.Domain.Auditing;
using Mediator;

namespace Ent77.Application.Auditing;

/// <summary>A new administrator, then their first code, naming who issued them (none for the operator at the command line).</summary>
public sealed class AdministratorIssuedAuditHandler(IAuditLog audit, AdministratorContext context) : INotificationHandler<AdministratorIssued>
{
    public ValueTask Handle(AdministratorIssued notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var actor = context.ActorAccountId;
        audit.Record(AuditEvent.Record(AuditTypes.AdministratorIssued, notification.OccurredAt, notification.AccountId, notification.EstablishmentId, actor,
            notification.PlatformAdmin ? nameof(Role.PlatformAdmin) : nameof(Role.EstablishmentAdmin)));
        audit.Record(AuditEvent.Record(AuditTypes.ActivationCodeIssued, notification.OccurredAt, notification.AccountId, notification.EstablishmentId, actor));
        return ValueTask.CompletedTask;
    }
}
