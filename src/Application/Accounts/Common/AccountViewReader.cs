using Ent77.Application.Establishments;
using Ent77.Domain.Accounts;

namespace Ent77.Application.Accounts.Common;

/// <summary>Builds the account view (with its establishment and scopes) and the session ticket of an account.</summary>
public sealed class AccountViewReader(IEstablishmentRepository establishments)
{
    public async Task<AccountDto> ReadAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var establishment = await establishments.FindAsync(account.EstablishmentId, cancellationToken)
            ?? throw new InvalidOperationException($"Account {account.Id} points at a missing establishment.");
        var administered = new List<Domain.Establishments.Establishment>();
        foreach (var scope in account.Roles.Where(r => r.EstablishmentId is not null).Select(r => r.EstablishmentId!.Value).Distinct())
        {
            if (await establishments.FindAsync(scope, cancellationToken) is { } e)
            {
                administered.Add(e);
            }
        }

        return AccountMapper.ToDto(account, establishment, administered);
    }

    public async Task<AuthResult> SignedInAsync(Account account, CancellationToken cancellationToken)
    {
        var view = await ReadAsync(account, cancellationToken);
        return new AuthResult(AuthOutcome.SignedIn, view.Identifier, view, new SessionTicket(view.Id, account.SecurityStamp, view.Roles));
    }
}
