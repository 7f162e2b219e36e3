using Ent77.Application.Administration.Access;
using Ent77.Application.Common.Exceptions;
using Ent77.Application.Establishments;
using Ent77.Domain.Establishments;
using Ent77.Domain.Support;
using Mediator;

namespace Ent77.Application.Support.Queries;

public sealed record HelpRequestDetailDto(
    Guid Id, string Reference, HelpRequestKind Kind, HelpRequestStatus Status,
    string RequesterFirstName, string RequesterLastName, string? RequesterEmail, string? RequesterPhone,
    string? StudentName, string? ClassName, string Message,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? ClosedAt, string? Note,
    IReadOnlyList<SuggestedAccountDto> Suggestions);

/// <summary>The school's requests, open ones first and oldest first.</summary>
public sealed record ListHelpRequestsQuery(Guid? ActorAccountId, string? Uai, HelpRequestStatus? Status, HelpRequestKind? Kind)
    : IQuery<IReadOnlyList<HelpRequestSummaryDto>>, IEstablishmentRequest;

/// <summary>One request, with the school's accounts that match the names it gives (to re-issue a code in one step).</summary>
public sealed record GetHelpRequestQuery(Guid? ActorAccountId, string? Uai, Guid HelpRequestId)
    : IQuery<HelpRequestDetailDto>, IEstablishmentRequest;

public sealed class HelpRequestQueryHandlers(ISupportQueries queries, IHelpRequestRepository requests, IEstablishmentRepository establishments)
    : IQueryHandler<ListHelpRequestsQuery, IReadOnlyList<HelpRequestSummaryDto>>,
      IQueryHandler<GetHelpRequestQuery, HelpRequestDetailDto>
{
    public const int MaxSuggestions = 10;

    public async ValueTask<IReadOnlyList<HelpRequestSummaryDto>> Handle(ListHelpRequestsQuery query, CancellationToken cancellationToken) =>
        await queries.ListAsync(await EstablishmentAsync(query.Uai, cancellationToken), query.Status, query.Kind, cancellationToken);

    public async ValueTask<HelpRequestDetailDto> Handle(GetHelpRequestQuery query, CancellationToken cancellationToken)
    {
        var establishment = await EstablishmentAsync(query.Uai, cancellationToken);
        var request = await requests.FindAsync(new HelpRequestId(query.HelpRequestId), cancellationToken);
        if (request is null || request.EstablishmentId != establishment)
        {
            throw new NotFoundException("Demande d'aide introuvable.");
        }

        var names = new[] { request.StudentName, $"{request.Requester.FirstName} {request.Requester.LastName}" }
            .Where(n => !string.IsNullOrWhiteSpace(n))
            .Distinct(StringComparer.OrdinalIgnoreCase);
        var suggestions = new List<SuggestedAccountDto>();
        foreach (var name in names)
        {
            suggestions.AddRange(await queries.SuggestAccountsAsync(establishment, name!, MaxSuggestions, cancellationToken));
        }

        return new HelpRequestDetailDto(
            request.Id.Value, request.Reference, request.Kind, request.Status,
            request.Requester.FirstName, request.Requester.LastName, request.Requester.Email?.Value, request.Requester.Phone,
            request.StudentName, request.ClassName, request.Message,
            request.CreatedAt, request.StartedAt, request.ClosedAt, request.Note,
            suggestions.DistinctBy(s => s.Id).Take(MaxSuggestions).ToList());
    }

    private async Task<EstablishmentId> EstablishmentAsync(string? uai, CancellationToken cancellationToken) =>
        (await establishments.GetScopedAsync(uai, cancellationToken)).Id;
}
