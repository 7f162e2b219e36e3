using Ent77.Application.Common.Events;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts.Events;
using Ent77.Domain.Auditing;

namespace Ent77.Application.Auditing;

/// <summary>A reset message sent, with its channel (never its secret).</summary>
public sealed class PasswordResetRequestedAuditHandler(IAuditLog audit) : OnDomainEvent<PasswordResetRequested>
{
    protected override ValueTask HandleAsync(IReadOnlyList<PasswordResetRequested> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            audit.Record(AuditEvent.Record(AuditTypes.PasswordResetRequested, e.OccurredAt, e.AccountId.Value, e.EstablishmentId?.Value, details: e.Channel.ToString()));
        }

        return ValueTask.CompletedTask;
    }
}
