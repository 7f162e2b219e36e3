using Ent77.Application.Accounts.Common;
using Ent77.Application.Accounts.Sessions;
using Ent77.Application.Common;
using Ent77.Application.Common.Exceptions;
using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Passwords;
using Mediator;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Accounts.ChangePassword;

/// <summary>
/// Changes the password: every other session ends (their rows are deleted, and the security stamp changes) and reset links
/// die; the « mot de passe modifié » e-mail and the audit row follow <see cref="Domain.Accounts.Events.PasswordChanged"/>.
/// A wrong current password returns null (and counts toward the lockout).
/// </summary>
public sealed class ChangePasswordHandler(
    IAccountRepository accounts,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    AccountViewReader views,
    ISessionRepository sessions,
    IOptions<AccountRulesOptions> rules,
    TimeProvider time) : ICommandHandler<ChangePasswordCommand, SessionTicket?>
{
    public async ValueTask<SessionTicket?> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var account = await accounts.FindAsync(new AccountId(command.AccountId), cancellationToken)
            ?? throw new NotFoundException("Compte introuvable.");
        if (!account.ChangePassword(command.CurrentPassword!, command.NewPassword!, policy, hasher, rules.Value.Lockout, now))
        {
            return null;
        }

        var current = new SessionId(command.SessionId);
        await sessions.EndAllAsync(account.Id, except: current, cancellationToken);
        var rememberMe = (await sessions.FindAsync(current, cancellationToken))?.RememberMe ?? false;
        return await views.TicketAsync(account, current, rememberMe, cancellationToken);
    }
}
