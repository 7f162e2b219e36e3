using Ent77.Application.Common.Ports;
using Mediator;

namespace Ent77.Application.Accounts.ConfirmEmail;

public sealed class ConfirmEmailHandler(IAccountRepository accounts, IRecoverySecrets secrets, TimeProvider time)
    : ICommandHandler<ConfirmEmailCommand, bool>
{
    public async ValueTask<bool> Handle(ConfirmEmailCommand command, CancellationToken cancellationToken)
    {
        var hash = secrets.HashLinkToken(command.Token!);
        var account = await accounts.FindByEmailConfirmationHashAsync(hash, cancellationToken);
        return account is not null && account.ConfirmEmail(hash, time.GetUtcNow());
    }
}
