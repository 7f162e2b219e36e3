using FluentValidation;

namespace Ent77.Application.Accounts.ConfirmEmail;

public sealed class ConfirmEmailValidator : AbstractValidator<ConfirmEmailCommand>
{
    public ConfirmEmailValidator() =>
        RuleFor(c => c.Token)
            .NotEmpty().WithMessage("Le lien de confirmation est incomplet : ouvrez le lien reçu par e-mail.")
            .MaximumLength(200).WithMessage("Le lien de confirmation n’est pas valide.");
}
