using Ent77.Application.Common.Events;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts.Events;
using Ent77.Domain.Auditing;

namespace Ent77.Application.Auditing;

/// <summary>An activation, with the version of the terms of use accepted.</summary>
public sealed class AccountActivatedAuditHandler(IAuditLog audit) : OnDomainEvent<AccountActivated>
{
    protected override ValueTask HandleAsync(IReadOnlyList<AccountActivated> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            audit.Record(AuditEvent.Record(AuditTypes.AccountActivated, e.OccurredAt, e.AccountId.Value, e.EstablishmentId?.Value, details: $"CGU {e.TermsVersion}"));
        }

        return ValueTask.CompletedTask;
    }
}
