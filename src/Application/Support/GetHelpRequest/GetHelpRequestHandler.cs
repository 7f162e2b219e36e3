using Ent77.Application.Administration.Access;
using Ent77.Application.Common.Exceptions;
using Ent77.Application.Establishments;
using Ent77.Domain.Support;
using Mediator;

namespace Ent77.Application.Support.GetHelpRequest;

public sealed class GetHelpRequestHandler(ISupportQueries queries, IHelpRequestRepository requests, IEstablishmentRepository establishments)
    : IQueryHandler<GetHelpRequestQuery, HelpRequestDetailDto>
{
    public const int MaxSuggestions = 10;

    public async ValueTask<HelpRequestDetailDto> Handle(GetHelpRequestQuery query, CancellationToken cancellationToken)
    {
        var establishment = (await establishments.GetScopedAsync(query.Uai, cancellationToken)).Id;
        var request = await requests.FindAsync(new HelpRequestId(query.HelpRequestId), cancellationToken);
        if (request is null || request.EstablishmentId != establishment)
        {
            throw new NotFoundException("Demande d’aide introuvable.");
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
}
