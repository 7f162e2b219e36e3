using Mediator;

namespace Ent77.Application.Administration.ReissueCodes;

/// <summary>New codes were issued for <paramref name="Count"/> of the school's pending accounts (each one raised its own event).</summary>
public sealed record ActivationCodesReissued(Guid EstablishmentId, int Count, DateTimeOffset OccurredAt) : INotification;
