using Ent77.Application.Accounts.Sessions;
using Ent77.Application.Establishments;
using Ent77.Domain.Accounts;

namespace Ent77.Application.Accounts.Common;

/// <summary>Builds the account view (with its establishment and scopes), opens sessions and makes their tickets.</summary>
public sealed class AccountViewReader(IEstablishmentRepository establishments, ISessionRepository sessions, IAccountRepository accounts, TimeProvider time)
{
    public async Task<AccountDto> ReadAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var establishment = account.EstablishmentId is { } id ? await establishments.FindForViewAsync(id, cancellationToken) : null;
        return await ReadAsync(account, establishment, cancellationToken);
    }

    /// <summary>The view of an account whose establishment was read with it (<see cref="IAccountRepository.FindForViewAsync"/>).</summary>
    public async Task<AccountDto> ReadAsync(Account account, Domain.Establishments.Establishment? establishment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.EstablishmentId is not null && establishment?.Id != account.EstablishmentId)
        {
            throw new InvalidOperationException($"Account {account.Id} points at a missing establishment.");
        }

        var administered = new List<Domain.Establishments.Establishment>();
        foreach (var scope in account.Roles.Where(r => r.EstablishmentId is not null).Select(r => r.EstablishmentId!.Value).Distinct())
        {
            if (await establishments.FindForViewAsync(scope, cancellationToken) is { } e)
            {
                administered.Add(e);
            }
        }

        var view = AccountMapper.ToDto(account, establishment, administered);
        if (account.Children.Count == 0 || establishment is null)
        {
            return view;
        }

        // A parent's children still at school (a child who left stays linked until the guardians file says otherwise).
        var school = AccountMapper.ToRef(establishment);
        var children = await accounts.FindManyForViewAsync([.. account.Children.Select(c => c.ChildId)], cancellationToken);
        return view with
        {
            Children = [.. children.Where(c => c.BlockedReason != BlockReasons.LeftSchool)
                .OrderBy(c => c.FirstName, StringComparer.CurrentCulture)
                .Select(c => new ChildDto(c.Identifier.Value, c.FirstName, c.LastName, c.ClassName, school))],
        };
    }

    /// <summary>Opens a server-side session for the account (saved with the unit of work) and answers « signed in ».</summary>
    public async Task<AuthResult> SignedInAsync(Account account, bool rememberMe, string? userAgent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var session = Session.Start(account, rememberMe, userAgent, SessionPolicy.Default, time.GetUtcNow());
        sessions.Add(session);
        var view = await ReadAsync(account, cancellationToken);
        return new AuthResult(AuthOutcome.SignedIn, view.Identifier, view, Ticket(account, session.Id, session.RememberMe, view));
    }

    /// <summary>A new ticket for an existing session (after a password change: the new stamp).</summary>
    public async Task<SessionTicket> TicketAsync(Account account, SessionId sessionId, bool rememberMe, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Ticket(account, sessionId, rememberMe, await ReadAsync(account, cancellationToken));
    }

    private static SessionTicket Ticket(Account account, SessionId sessionId, bool rememberMe, AccountDto view) =>
        new(view.Id, sessionId.Value, account.SecurityStamp, rememberMe, view.Roles);
}
