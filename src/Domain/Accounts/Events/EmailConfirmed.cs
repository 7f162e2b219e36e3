using Ent77.Domain.Common;
using Ent77.Domain.Establishments;

namespace Ent77.Domain.Accounts.Events;

/// <summary>The link sent to the address on file was followed: the address is confirmed.</summary>
public sealed record EmailConfirmed(AccountId AccountId, EstablishmentId? EstablishmentId, DateTimeOffset OccurredAt) : IDomainEvent;
