using Ent77.Application.Administration.Access;
using Ent77.Domain.Support;
using Mediator;

namespace Ent77.Application.Support.ListHelpRequests;

/// <summary>The school's requests, open ones first and oldest first.</summary>
public sealed record ListHelpRequestsQuery(Actor Actor, string? Uai, HelpRequestStatus? Status, HelpRequestKind? Kind)
    : IQuery<IReadOnlyList<HelpRequestSummaryDto>>, IEstablishmentRequest;
