using Ent77.Application.Common.Validation;
using Ent77.Domain.Accounts.Passwords;
using FluentValidation;

namespace Ent77.Application.Accounts.ConfirmPasswordReset;

public sealed class ConfirmPasswordResetValidator : AbstractValidator<ConfirmPasswordResetCommand>
{
    public const int MaxTokenLength = 200;

    public ConfirmPasswordResetValidator(PasswordPolicy policy)
    {
        RuleFor(c => c.Token)
            .NotEmpty().WithMessage("Le lien de réinitialisation est incomplet : ouvrez le lien reçu par e-mail.")
            .MaximumLength(MaxTokenLength).WithMessage("Le lien de réinitialisation n’est pas valide.");
        RuleFor(c => c.Token)
            .Matches("^[0-9]{6}$").WithMessage("Le code reçu par SMS comporte 6 chiffres.")
            .When(c => !string.IsNullOrEmpty(c.Identifier) && !string.IsNullOrEmpty(c.Token));
        RuleFor(c => c.Identifier)
            .MaximumLength(Domain.Accounts.Identifier.MaxInputLength).WithMessage("L’identifiant est trop long.");
        RuleFor(c => c.Password).NewPassword(policy, c => c.Identifier, "Choisissez un nouveau mot de passe.");
        RuleFor(c => c.PasswordConfirmation).Confirms(c => c.Password);
    }
}
