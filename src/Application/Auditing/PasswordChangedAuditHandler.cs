using Ent77.Application.Common.Events;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts.Events;
using Ent77.Domain.Auditing;

namespace Ent77.Application.Auditing;

/// <summary>A password changed by its owner (who is the actor), or reset with a secret (the channel named).</summary>
public sealed class PasswordChangedAuditHandler(IAuditLog audit) : OnDomainEvent<PasswordChanged>
{
    protected override ValueTask HandleAsync(IReadOnlyList<PasswordChanged> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            audit.Record(e.ResetChannel is { } channel
                ? AuditEvent.Record(AuditTypes.PasswordResetCompleted, e.OccurredAt, e.AccountId.Value, e.EstablishmentId?.Value, details: channel.ToString())
                : AuditEvent.Record(AuditTypes.PasswordChanged, e.OccurredAt, e.AccountId.Value, e.EstablishmentId?.Value, e.AccountId.Value));
        }

        return ValueTask.CompletedTask;
    }
}
