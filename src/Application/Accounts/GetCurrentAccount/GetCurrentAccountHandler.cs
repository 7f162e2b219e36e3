using Ent77.Application.Accounts.Common;
using Ent77.Domain.Accounts;
using Mediator;

namespace Ent77.Application.Accounts.GetCurrentAccount;

public sealed class GetCurrentAccountHandler(IAccountRepository accounts, AccountViewReader views)
    : IQueryHandler<GetCurrentAccountQuery, AccountDto?>
{
    public async ValueTask<AccountDto?> Handle(GetCurrentAccountQuery query, CancellationToken cancellationToken)
    {
        var found = await accounts.FindForViewAsync(new AccountId(query.AccountId), cancellationToken);
        return found is null ? null : await views.ReadAsync(found.Account, found.Establishment, cancellationToken);
    }
}
