using Ent77.Domain.Common;
using Ent77.Domain.Establishments;

namespace Ent77.Domain.Accounts.Events;

/// <summary>The account was unblocked: back to Pending or Active.</summary>
public sealed record AccountUnblocked(AccountId AccountId, EstablishmentId? EstablishmentId, DateTimeOffset OccurredAt) : IDomainEvent;
