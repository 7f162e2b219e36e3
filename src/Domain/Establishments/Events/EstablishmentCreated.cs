using Ent77.Domain.Common;

namespace Ent77.Domain.Establishments.Events;

/// <summary>A school was added to the platform.</summary>
public sealed record EstablishmentCreated(EstablishmentId EstablishmentId, string Uai, DateTimeOffset OccurredAt) : IDomainEvent;
