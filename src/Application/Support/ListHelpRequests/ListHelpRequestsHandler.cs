using Ent77.Application.Administration.Access;
using Ent77.Application.Establishments;
using Mediator;

namespace Ent77.Application.Support.ListHelpRequests;

public sealed class ListHelpRequestsHandler(ISupportQueries queries, IEstablishmentRepository establishments)
    : IQueryHandler<ListHelpRequestsQuery, IReadOnlyList<HelpRequestSummaryDto>>
{
    public async ValueTask<IReadOnlyList<HelpRequestSummaryDto>> Handle(ListHelpRequestsQuery query, CancellationToken cancellationToken)
    {
        var establishment = await establishments.GetScopedAsync(query.Uai, cancellationToken);
        return await queries.ListAsync(establishment.Id, query.Status, query.Kind, cancellationToken);
    }
}
