using Ent77.Domain.Common;
using Ent77.Domain.Establishments;

namespace Ent77.Domain.Support.Events;

/// <summary>The request was resolved or rejected, with a note (the requester is told the outcome).</summary>
public sealed record HelpRequestClosed(
    HelpRequestId HelpRequestId, EstablishmentId EstablishmentId, string Reference, HelpRequestStatus Outcome, DateTimeOffset OccurredAt) : IDomainEvent;
