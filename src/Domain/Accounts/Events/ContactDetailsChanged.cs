using Ent77.Domain.Common;
using Ent77.Domain.Establishments;

namespace Ent77.Domain.Accounts.Events;

/// <summary>
/// The person replaced their e-mail and mobile; <see cref="PreviousEmail"/> is the address on file before, told of the
/// change when <see cref="EmailChanged"/>.
/// </summary>
public sealed record ContactDetailsChanged(
    AccountId AccountId, EstablishmentId? EstablishmentId, EmailAddress? PreviousEmail, bool EmailChanged, DateTimeOffset OccurredAt) : IDomainEvent;
