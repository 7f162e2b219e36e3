using Ent77.Application.Administration.Access;
using Ent77.Application.Common.Events;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts.Events;
using Ent77.Domain.Auditing;

namespace Ent77.Application.Auditing;

/// <summary>A code that replaces an earlier one (a re-issue), naming its account and the administrator, written in bulk. An
/// account's first code is audited with the action that created the account (<see cref="RosterImportedAuditHandler"/>,
/// <see cref="AdministratorIssuedAuditHandler"/>).</summary>
public sealed class ActivationCodeIssuedAuditHandler(IAuditLog audit, AdministratorContext context) : OnDomainEvent<ActivationCodeIssued>
{
    protected override ValueTask HandleAsync(IReadOnlyList<ActivationCodeIssued> events, CancellationToken cancellationToken)
    {
        var actor = context.ActorAccountId;
        audit.RecordMany(events
            .Where(e => e.ReplacesEarlierCode)
            .Select(e => AuditEvent.Record(AuditTypes.ActivationCodeIssued, e.OccurredAt, e.AccountId.Value, e.EstablishmentId?.Value, actor, "nouveau code, l’ancien est annulé")));
        return ValueTask.CompletedTask;
    }
}
