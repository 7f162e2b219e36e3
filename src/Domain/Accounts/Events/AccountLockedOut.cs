using Ent77.Domain.Common;
using Ent77.Domain.Establishments;

namespace Ent77.Domain.Accounts.Events;

/// <summary>Too many failures in a row (a sign-in, a code, a current password): the account is locked <see cref="Until"/>.</summary>
public sealed record AccountLockedOut(AccountId AccountId, EstablishmentId? EstablishmentId, DateTimeOffset Until, DateTimeOffset OccurredAt) : IDomainEvent;
