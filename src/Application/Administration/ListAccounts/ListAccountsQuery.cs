using Ent77.Application.Administration.Access;
using Ent77.Application.Common;
using Mediator;

namespace Ent77.Application.Administration.ListAccounts;

public sealed record ListAccountsQuery(Actor Actor, string? Uai, AccountFilter Filter, int Page = 1, int PageSize = 50)
    : IQuery<PagedResult<AccountSummaryDto>>, IEstablishmentRequest;
