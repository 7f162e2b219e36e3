using Ent77.Application.Common;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts;
using Mediator;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Accounts.RequestPasswordReset;

/// <summary>
/// Gives an active account that has that contact on file a new reset secret, at most
/// <see cref="PasswordResetPolicy.MaxMessagesPerHour"/> an hour; in every other case it does nothing, silently. The message
/// that carries the secret and the audit row follow <see cref="Domain.Accounts.Events.PasswordResetRequested"/>.
/// </summary>
public sealed class RequestPasswordResetHandler(
    IAccountRepository accounts,
    IRecoverySecrets secrets,
    IOptions<RecoveryOptions> options,
    TimeProvider time) : ICommandHandler<RequestPasswordResetCommand, Unit>
{
    public async ValueTask<Unit> Handle(RequestPasswordResetCommand command, CancellationToken cancellationToken)
    {
        var channel = command.Channel == "sms" ? ResetChannel.Sms : ResetChannel.Email;
        var account = Identifier.TryParse(command.Identifier, out var identifier)
            ? await accounts.FindByIdentifierAsync(identifier, cancellationToken)
            : null;
        var secret = channel == ResetChannel.Email ? secrets.NewLinkToken() : secrets.NewSmsCode();
        account?.RequestPasswordReset(channel, secret, options.Value.Policy, time.GetUtcNow());
        return Unit.Value;
    }
}
