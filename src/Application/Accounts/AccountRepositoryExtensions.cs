using Ent77.Domain.Accounts;

namespace Ent77.Application.Accounts;

public static class AccountRepositoryExtensions
{
    /// <summary>An account that must exist (it raised the event being handled, or the message names it).</summary>
    public static async Task<Account> GetAsync(this IAccountRepository accounts, AccountId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        return await accounts.FindAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Account {id} does not exist.");
    }
}
