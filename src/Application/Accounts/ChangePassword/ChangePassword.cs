using Ent77.Application.Common.Behaviours;
using Ent77.Application.Accounts.Common;
using Ent77.Application.Common;
using Ent77.Application.Common.Exceptions;
using Ent77.Application.Common.Validation;
using Ent77.Application.Notifications;
using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Passwords;
using Ent77.Domain.Auditing;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;
using Ent77.Application.Common.Ports;

namespace Ent77.Application.Accounts.ChangePassword;

/// <summary>A signed-in person changes their password. The answer carries the new session ticket for this session.</summary>
public sealed record ChangePasswordCommand(Guid AccountId, string? CurrentPassword, string? NewPassword, string? NewPasswordConfirmation)
    : ICommand<SessionTicket?>, IRetryOnConcurrencyConflict;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator(PasswordPolicy policy)
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Saisissez votre mot de passe actuel.");
        RuleFor(c => c.NewPassword).NewPassword(policy, emptyMessage: "Choisissez un nouveau mot de passe.");
        RuleFor(c => c.NewPasswordConfirmation).Confirms(c => c.NewPassword);
    }
}

/// <summary>
/// Changes the password: every other session ends (new security stamp), reset links die, and a
/// « mot de passe modifié » e-mail goes out. A wrong current password returns null (and counts toward the lockout).
/// </summary>
public sealed class ChangePasswordHandler(
    IAccountRepository accounts,
    IPasswordHasher hasher,
    PasswordPolicy policy,
    INotificationOutbox outbox,
    AccountViewReader views,
    IAuditLog audit,
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

        if (Messages.PasswordChanged(account) is { } message)
        {
            outbox.Enqueue(message);
        }

        audit.Record(AuditEvent.Record(AuditTypes.PasswordChanged, now, account.Id.Value, account.EstablishmentId.Value, account.Id.Value));
        return (await views.SignedInAsync(account, cancellationToken)).Session;
    }
}
