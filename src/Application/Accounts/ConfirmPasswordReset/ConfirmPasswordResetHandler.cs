using Ent77.Application.Accounts.Sessions;
using Ent77.Application.Common;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Passwords;
using Mediator;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Accounts.ConfirmPasswordReset;

/// <summary>
/// Sets the password and ends every session; the person is told by e-mail (<see cref="Domain.Accounts.Events.PasswordChanged"/>).
/// No sign-in follows.
/// </summary>
public sealed class ConfirmPasswordResetHandler(
    IAccountRepository accounts,
    IRecoverySecrets secrets,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    ISessionRepository sessions,
    IPublisher publisher,
    IOptions<RecoveryOptions> options,
    TimeProvider time) : ICommandHandler<ConfirmPasswordResetCommand, PasswordResetOutcome>
{
    public async ValueTask<PasswordResetOutcome> Handle(ConfirmPasswordResetCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var bySms = !string.IsNullOrEmpty(command.Identifier);
        var channel = bySms ? ResetChannel.Sms : ResetChannel.Email;
        var secretHash = bySms ? secrets.HashSmsCode(command.Token!) : secrets.HashLinkToken(command.Token!);
        Account? account;
        if (bySms)
        {
            account = Identifier.TryParse(command.Identifier, out var identifier)
                ? await accounts.FindByIdentifierAsync(identifier, cancellationToken)
                : null;
        }
        else
        {
            account = await accounts.FindByResetSecretHashAsync(secretHash, cancellationToken);
        }

        var outcome = account?.ResetPassword(channel, secretHash, command.Password!, policy, hasher, options.Value.Policy, now)
            ?? PasswordResetOutcome.InvalidSecret;
        if (outcome == PasswordResetOutcome.Reset)
        {
            await sessions.EndAllAsync(account!.Id, except: null, cancellationToken);
        }
        else
        {
            await publisher.Publish(new PasswordResetFailed(account?.Id.Value, account?.EstablishmentId?.Value, channel, now), cancellationToken);
        }

        return outcome;
    }
}
