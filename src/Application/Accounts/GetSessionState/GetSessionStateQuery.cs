using Ent77.Domain.Accounts;
using Mediator;

namespace Ent77.Application.Accounts.GetSessionState;

/// <summary>Whether a session issued with <paramref name="SecurityStamp"/> may go on.</summary>
public sealed record GetSessionStateQuery(Guid AccountId, string SecurityStamp) : IQuery<bool>;

/// <summary>A session lives while its account exists, is active, and its security stamp is unchanged.</summary>
public sealed class GetSessionStateHandler(IAccountRepository accounts) : IQueryHandler<GetSessionStateQuery, bool>
{
    public async ValueTask<bool> Handle(GetSessionStateQuery query, CancellationToken cancellationToken)
    {
        var state = await accounts.FindSessionStateAsync(new AccountId(query.AccountId), query.SecurityStamp, cancellationToken);
        return state is { Status: AccountStatus.Active }
            && string.Equals(state.SecurityStamp, query.SecurityStamp, StringComparison.Ordinal);
    }
}
