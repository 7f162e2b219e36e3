using Ent77.Domain.Common;
using Ent77.Domain.Establishments;

namespace Ent77.Domain.Support.Events;

/// <summary>A help request arrived for the school (the requester is acknowledged, the school's administrators told). Its reference may still be redrawn before it is stored: read it from the request.</summary>
public sealed record HelpRequestSubmitted(HelpRequestId HelpRequestId, EstablishmentId EstablishmentId, DateTimeOffset OccurredAt) : IDomainEvent;
