using Ent77.Application.Common.Validation;
using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Passwords;
using FluentValidation;

namespace Ent77.Application.Accounts.ActivateAccount;

/// <summary>
/// Checks every field at once. The password rule is asked of <see cref="PasswordPolicy"/> (its one
/// home), with the names that the typed identifier gives; the aggregate asks it again with the
/// account's real names.
/// </summary>
public sealed class ActivateAccountValidator : AbstractValidator<ActivateAccountCommand>
{
    public ActivateAccountValidator(PasswordPolicy policy)
    {
        RuleFor(c => c.Identifier).TypedIdentifier();
        RuleFor(c => c.ActivationCode)
            .NotEmpty().WithMessage("Saisissez le code d’activation reçu de votre établissement.")
            .MaximumLength(ActivationCodeValue.MaxInputLength).WithMessage("Le code d’activation est trop long.");
        RuleFor(c => c.Password).NewPassword(policy, c => c.Identifier);
        RuleFor(c => c.PasswordConfirmation).Confirms(c => c.Password);
        RuleFor(c => c.Email).PersonalEmail();
        RuleFor(c => c.MobilePhone).OptionalMobile();
        RuleFor(c => c.AcceptTerms)
            .Equal(true).WithMessage("Vous devez accepter les conditions générales d’utilisation.");
    }
}
