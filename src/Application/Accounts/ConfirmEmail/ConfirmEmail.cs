using Ent77.Application.Common.Ports;
using Ent77.Domain.Auditing;
using FluentValidation;
using Mediator;

namespace Ent77.Application.Accounts.ConfirmEmail;

/// <summary>The link of a welcome or confirmation e-mail was followed. False when the token is unknown or expired.</summary>
public sealed record ConfirmEmailCommand(string? Token) : ICommand<bool>;

public sealed class ConfirmEmailValidator : AbstractValidator<ConfirmEmailCommand>
{
    public ConfirmEmailValidator() =>
        RuleFor(c => c.Token)
            .NotEmpty().WithMessage("Le lien de confirmation est incomplet : ouvrez le lien reçu par e-mail.")
            .MaximumLength(200).WithMessage("Le lien de confirmation n'est pas valide.");
}

public sealed class ConfirmEmailHandler(IAccountRepository accounts, IRecoverySecrets secrets, IAuditLog audit, TimeProvider time)
    : ICommandHandler<ConfirmEmailCommand, bool>
{
    public async ValueTask<bool> Handle(ConfirmEmailCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var hash = secrets.HashLinkToken(command.Token!);
        var account = await accounts.FindByEmailConfirmationHashAsync(hash, cancellationToken);
        if (account is null || !account.ConfirmEmail(hash, now))
        {
            return false;
        }

        audit.Record(AuditEvent.Record(AuditTypes.EmailConfirmed, now, account.Id.Value, account.EstablishmentId.Value));
        return true;
    }
}
