using Ent77.Application.Accounts;
using Ent77.Application.Administration.Access;
using Ent77.Application.Common.Exceptions;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts;
using Ent77.Domain.Auditing;
using Mediator;

namespace Ent77.Application.Administration.BlockAccount;

/// <summary>Blocks (true) or unblocks (false) an account of the administrator's establishment. A block ends its sessions.</summary>
public sealed record SetAccountBlockedCommand(Guid? ActorAccountId, Guid AccountId, bool Blocked) : ICommand<Unit>, IAccountAdministrationRequest;

public sealed class SetAccountBlockedHandler(IAccountRepository accounts, IAuditLog audit, TimeProvider time)
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
        }
        else
        {
            account.Unblock(now);
        }

        audit.Record(AuditEvent.Record(command.Blocked ? AuditTypes.AccountBlocked : AuditTypes.AccountUnblocked, now,
            account.Id.Value, account.EstablishmentId.Value, command.ActorAccountId));
        return Unit.Value;
    }
}
