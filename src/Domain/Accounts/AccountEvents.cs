using Ent77.Domain.Common;

namespace Ent77.Domain.Accounts;

public sealed record AccountCreated(AccountId AccountId, Establishments.EstablishmentId EstablishmentId, Profile Profile, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ActivationCodeIssued(AccountId AccountId, DateTimeOffset ExpiresAt, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AccountActivated(AccountId AccountId, string TermsVersion, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AccountLockedOut(AccountId AccountId, DateTimeOffset Until, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AccountBlocked(AccountId AccountId, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record AccountUnblocked(AccountId AccountId, DateTimeOffset OccurredAt) : IDomainEvent;
