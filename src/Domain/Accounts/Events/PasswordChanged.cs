using Ent77.Domain.Common;
using Ent77.Domain.Establishments;

namespace Ent77.Domain.Accounts.Events;

/// <summary>
/// The password changed: by its owner, who gave the current one, or with a reset secret sent by <see cref="ResetChannel"/>.
/// </summary>
public sealed record PasswordChanged(AccountId AccountId, EstablishmentId? EstablishmentId, ResetChannel? ResetChannel, DateTimeOffset OccurredAt) : IDomainEvent
{
    public bool ByReset => ResetChannel is not null;
}
