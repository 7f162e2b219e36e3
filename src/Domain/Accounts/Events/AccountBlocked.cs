using Ent77.Domain.Common;
using Ent77.Domain.Establishments;

namespace Ent77.Domain.Accounts.Events;

/// <summary>The account was blocked: its sessions, reset secrets and live code are dead. <paramref name="Reason"/>: why, when not by hand.</summary>
public sealed record AccountBlocked(AccountId AccountId, EstablishmentId? EstablishmentId, DateTimeOffset OccurredAt, string? Reason = null) : IDomainEvent;
