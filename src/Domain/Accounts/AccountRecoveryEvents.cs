using Ent77.Domain.Common;

namespace Ent77.Domain.Accounts;

public sealed record PasswordResetRequested(AccountId AccountId, ResetChannel Channel, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PasswordChanged(AccountId AccountId, bool ByReset, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ContactDetailsChanged(AccountId AccountId, bool EmailChanged, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record EmailConfirmed(AccountId AccountId, DateTimeOffset OccurredAt) : IDomainEvent;
