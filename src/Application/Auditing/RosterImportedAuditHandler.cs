using Ent77.Application.Administration.Access;
using Ent77.Application.Administration.ImportRoster;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Auditing;
using Mediator;

namespace Ent77.Application.Auditing;

/// <summary>An import: one row for the import, then one per account it created or updated, naming the administrator
/// (written in bulk: an import may hold a hundred thousand people).</summary>
public sealed class RosterImportedAuditHandler(IAuditLog audit, AdministratorContext context) : INotificationHandler<RosterImported>
{
    public ValueTask Handle(RosterImported notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var (school, actor, now) = (notification.EstablishmentId, context.ActorAccountId, notification.OccurredAt);
        audit.Record(AuditEvent.Record(AuditTypes.RosterImported, now, establishmentId: school, actorAccountId: actor,
            details: $"{notification.Created.Count} compte(s) créé(s) avec leur code, {notification.Updated.Count} mis à jour"));
        audit.RecordMany(notification.Created
            .Select(id => AuditEvent.Record(AuditTypes.AccountImported, now, id, school, actor, "créé par import, avec son code"))
            .Concat(notification.Updated.Select(id => AuditEvent.Record(AuditTypes.AccountImported, now, id, school, actor, "mis à jour par import"))));
        return ValueTask.CompletedTask;
    }
}
