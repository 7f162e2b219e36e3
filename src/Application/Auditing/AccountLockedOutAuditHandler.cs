using Ent77.Application.Common.Events;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts.Events;
using Ent77.Domain.Auditing;

namespace Ent77.Application.Auditing;

/// <summary>Every lockout, whatever caused it: a sign-in, a code on the activation page, a wrong current password on a password change or a contact update.</summary>
public sealed class AccountLockedOutAuditHandler(IAuditLog audit) : OnDomainEvent<AccountLockedOut>
{
    protected override ValueTask HandleAsync(IReadOnlyList<AccountLockedOut> events, CancellationToken cancellationToken)
    {
        foreach (var e in events)
        {
            audit.Record(AuditEvent.Record(AuditTypes.AccountLockedOut, e.OccurredAt, e.AccountId.Value, e.EstablishmentId?.Value));
        }

        return ValueTask.CompletedTask;
    }
}
