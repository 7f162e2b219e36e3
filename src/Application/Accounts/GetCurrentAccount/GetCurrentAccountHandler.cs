using Ent77.Application.Accounts.Common;
using Ent77.Domain.Accounts;
using Mediator;

namespace Ent77.Application.Accounts.GetCurrentAccount;

public sealed class GetCurrentAccountHandler(IAccountRepository accounts, AccountViewReader views)
    : IQueryHandler<GetCurrentAccountQuery, AccountDto?>
{
    public async ValueTask<AccountDto?> Handle(GetCurrentAccountQuery query, CancellationToken cancellationToken)
    {
        var account = await accounts.FindForViewAsync(new AccountId(query.AccountId), cancellationToken);
        return account is null ? null : await views.ReadAsync(account, cancellationToken);
    }
}
