using Ent77.Domain.Common;
using Ent77.Domain.Establishments;

namespace Ent77.Domain.Support.Events;

/// <summary>An administrator of the school took the request in hand.</summary>
public sealed record HelpRequestStarted(HelpRequestId HelpRequestId, EstablishmentId EstablishmentId, string Reference, DateTimeOffset OccurredAt) : IDomainEvent;
