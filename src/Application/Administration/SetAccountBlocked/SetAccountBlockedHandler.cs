using Ent77.Application.Accounts;
using Ent77.Application.Accounts.Sessions;
using Ent77.Application.Common.Exceptions;
using Ent77.Domain.Accounts;
using Mediator;

namespace Ent77.Application.Administration.SetAccountBlocked;

/// <summary>A block also ends every session of the account (their rows are deleted); each is audited by its event's handler.</summary>
public sealed class SetAccountBlockedHandler(IAccountRepository accounts, ISessionRepository sessions, TimeProvider time)
    : ICommandHandler<SetAccountBlockedCommand, Unit>
{
    public async ValueTask<Unit> Handle(SetAccountBlockedCommand command, CancellationToken cancellationToken)
    {
        var account = await accounts.FindAsync(new AccountId(command.AccountId), cancellationToken)
            ?? throw new NotFoundException("Compte introuvable.");
        var now = time.GetUtcNow();
        if (command.Blocked)
        {
            account.Block(now);
            await sessions.EndAllAsync(account.Id, except: null, cancellationToken);
        }
        else
        {
            account.Unblock(now);
        }

        return Unit.Value;
    }
}
