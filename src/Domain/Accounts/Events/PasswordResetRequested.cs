using Ent77.Domain.Common;
using Ent77.Domain.Establishments;

namespace Ent77.Domain.Accounts.Events;

/// <summary>
/// A reset was requested and accepted: <see cref="Secret"/>, whose hash the account keeps, is to reach the person by
/// <see cref="Channel"/>. The clear secret lives only in this event and, encrypted, in the message's outbox row.
/// </summary>
public sealed record PasswordResetRequested(
    AccountId AccountId, EstablishmentId? EstablishmentId, ResetChannel Channel, OneTimeSecret Secret, DateTimeOffset OccurredAt) : IDomainEvent;
