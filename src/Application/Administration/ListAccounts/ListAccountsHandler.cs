using Ent77.Application.Administration.Access;
using Ent77.Application.Common;
using Ent77.Application.Establishments;
using Mediator;

namespace Ent77.Application.Administration.ListAccounts;

public sealed class ListAccountsHandler(IAdministrationQueries queries, IEstablishmentRepository establishments, TimeProvider time)
    : IQueryHandler<ListAccountsQuery, PagedResult<AccountSummaryDto>>
{
    public async ValueTask<PagedResult<AccountSummaryDto>> Handle(ListAccountsQuery query, CancellationToken cancellationToken)
    {
        var establishment = await establishments.GetScopedAsync(query.Uai, cancellationToken);
        return await queries.ListAccountsAsync(establishment.Id, query.Filter, query.Page, query.PageSize, time.GetUtcNow(), cancellationToken);
    }
}
