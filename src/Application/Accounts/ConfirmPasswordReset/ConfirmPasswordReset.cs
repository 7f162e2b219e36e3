using Ent77.Application.Common.Behaviours;
using Ent77.Application.Common;
using Ent77.Application.Common.Ports;
using Ent77.Application.Common.Validation;
using Ent77.Application.Notifications;
using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Passwords;
using Ent77.Domain.Auditing;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Accounts.ConfirmPasswordReset;

/// <summary>
/// A new password with the secret of a reset message: the token of the e-mail link, or with
/// <paramref name="Identifier"/> the 6-digit SMS code.
/// </summary>
public sealed record ConfirmPasswordResetCommand(string? Token, string? Password, string? PasswordConfirmation, string? Identifier = null)
    : ICommand<PasswordResetOutcome>, IRetryOnConcurrencyConflict;

public sealed class ConfirmPasswordResetValidator : AbstractValidator<ConfirmPasswordResetCommand>
{
    public const int MaxTokenLength = 200;

    public ConfirmPasswordResetValidator(PasswordPolicy policy)
    {
        RuleFor(c => c.Token)
            .NotEmpty().WithMessage("Le lien de réinitialisation est incomplet : ouvrez le lien reçu par e-mail.")
            .MaximumLength(MaxTokenLength).WithMessage("Le lien de réinitialisation n'est pas valide.");
        RuleFor(c => c.Token)
            .Matches("^[0-9]{6}$").WithMessage("Le code reçu par SMS comporte 6 chiffres.")
            .When(c => !string.IsNullOrEmpty(c.Identifier) && !string.IsNullOrEmpty(c.Token));
        RuleFor(c => c.Identifier)
            .MaximumLength(Domain.Accounts.Identifier.MaxInputLength).WithMessage("L'identifiant est trop long.");
        RuleFor(c => c.Password).NewPassword(policy, c => c.Identifier, "Choisissez un nouveau mot de passe.");
        RuleFor(c => c.PasswordConfirmation).Confirms(c => c.Password);
    }
}

/// <summary>Sets the password, ends every session, and tells the person by e-mail. No sign-in follows.</summary>
public sealed class ConfirmPasswordResetHandler(
    IAccountRepository accounts,
    IRecoverySecrets secrets,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    INotificationOutbox outbox,
    IAuditLog audit,
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
            if (Messages.PasswordChanged(account!) is { } message)
            {
                outbox.Enqueue(message);
            }

            audit.Record(AuditEvent.Record(AuditTypes.PasswordResetCompleted, now, account!.Id.Value, account.EstablishmentId.Value, details: channel.ToString()));
        }
        else
        {
            audit.Record(AuditEvent.Record(AuditTypes.PasswordResetFailed, now, account?.Id.Value, account?.EstablishmentId.Value, details: channel.ToString()));
        }

        return outcome;
    }
}
