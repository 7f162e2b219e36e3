using Ent77.Application.Common.Behaviours;
using Ent77.Application.Common;
using Ent77.Application.Common.Ports;
using Ent77.Application.Common.Validation;
using Ent77.Application.Notifications;
using Ent77.Domain.Accounts;
using Ent77.Domain.Auditing;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Accounts.RequestPasswordReset;

/// <summary>« Mot de passe oublié » by identifier. Always accepted the same way, whatever the account.</summary>
public sealed record RequestPasswordResetCommand(string? Identifier, string? Channel) : ICommand<Unit>, IRetryOnConcurrencyConflict;

public sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordResetCommand>
{
    public RequestPasswordResetValidator(IOptions<RecoveryOptions> options)
    {
        RuleFor(c => c.Identifier).TypedIdentifier();
        RuleFor(c => c.Channel)
            .Must(channel => options.Value.Channels.Contains(channel ?? "email"))
            .WithMessage(_ => options.Value.SmsEnabled
                ? "Choisissez « email » ou « sms »."
                : "La réinitialisation par SMS n'est pas encore ouverte : choisissez « email ».");
    }
}

/// <summary>
/// Sends a reset link (or SMS code) to an active account that has that contact on file, at most
/// <see cref="PasswordResetPolicy.MaxMessagesPerHour"/> an hour; in every other case it does nothing, silently.
/// </summary>
public sealed class RequestPasswordResetHandler(
    IAccountRepository accounts,
    IRecoverySecrets secrets,
    INotificationOutbox outbox,
    IAuditLog audit,
    IOptions<RecoveryOptions> options,
    TimeProvider time) : ICommandHandler<RequestPasswordResetCommand, Unit>
{
    public async ValueTask<Unit> Handle(RequestPasswordResetCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var channel = command.Channel == "sms" ? ResetChannel.Sms : ResetChannel.Email;
        var account = Identifier.TryParse(command.Identifier, out var identifier)
            ? await accounts.FindByIdentifierAsync(identifier, cancellationToken)
            : null;
        var secret = channel == ResetChannel.Email ? secrets.NewLinkToken() : secrets.NewSmsCode();
        if (account is null || !account.RequestPasswordReset(channel, secret.Hash, options.Value.Policy, now))
        {
            return Unit.Value;
        }

        outbox.Enqueue(channel == ResetChannel.Email
            ? Messages.PasswordResetLink(account, secret.Secret)
            : Messages.PasswordResetSmsCode(account, secret.Secret));
        audit.Record(AuditEvent.Record(AuditTypes.PasswordResetRequested, now, account.Id.Value, account.EstablishmentId.Value, details: channel.ToString()));
        return Unit.Value;
    }
}
