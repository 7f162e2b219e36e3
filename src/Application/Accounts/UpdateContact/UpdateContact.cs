using Ent77.Application.Common.Behaviours;
using Ent77.Application.Common;
using Ent77.Application.Common.Exceptions;
using Ent77.Application.Common.Ports;
using Ent77.Application.Common.Validation;
using Ent77.Application.Notifications;
using Ent77.Domain.Accounts;
using Ent77.Domain.Auditing;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Accounts.UpdateContact;

/// <summary>A signed-in person replaces their e-mail and mobile, giving the current password. False when it is wrong.</summary>
public sealed record UpdateContactCommand(Guid AccountId, string? Email, string? MobilePhone, string? CurrentPassword) : ICommand<bool>, IRetryOnConcurrencyConflict;

public sealed class UpdateContactValidator : AbstractValidator<UpdateContactCommand>
{
    public UpdateContactValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Saisissez votre mot de passe actuel.");
        RuleFor(c => c.Email).PersonalEmail();
        RuleFor(c => c.MobilePhone).OptionalMobile();
    }
}

/// <summary>Records the new details; a new e-mail address gets a confirmation link.</summary>
public sealed class UpdateContactHandler(
    IAccountRepository accounts,
    IPasswordHasher hasher,
    IRecoverySecrets secrets,
    INotificationOutbox outbox,
    IAuditLog audit,
    IOptions<AccountRulesOptions> rules,
    IOptions<RecoveryOptions> recovery,
    TimeProvider time) : ICommandHandler<UpdateContactCommand, bool>
{
    public async ValueTask<bool> Handle(UpdateContactCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var account = await accounts.FindAsync(new AccountId(command.AccountId), cancellationToken)
            ?? throw new NotFoundException("Compte introuvable.");
        EmailAddress.TryCreate(command.Email, out var email);
        var mobile = string.IsNullOrWhiteSpace(command.MobilePhone) ? null : MobilePhone.Parse(command.MobilePhone).Phone;
        if (!account.UpdateContact(command.CurrentPassword!, hasher, rules.Value.Lockout, email!, mobile, now))
        {
            return false;
        }

        if (account.EmailConfirmedAt is null && account.EmailConfirmationHash is null)
        {
            var token = secrets.NewLinkToken();
            account.StartEmailConfirmation(token.Hash, now, recovery.Value.EmailConfirmationLifetime);
            outbox.Enqueue(Messages.EmailConfirmation(account, token.Secret));
        }

        audit.Record(AuditEvent.Record(AuditTypes.ContactUpdated, now, account.Id.Value, account.EstablishmentId.Value, account.Id.Value));
        return true;
    }
}
