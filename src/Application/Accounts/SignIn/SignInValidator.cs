using Ent77.Application.Common.Validation;
using FluentValidation;

namespace Ent77.Application.Accounts.SignIn;

public sealed class SignInValidator : AbstractValidator<SignInCommand>
{
    /// <summary>Longer secrets are refused before any hashing (no work amplification).</summary>
    public const int MaxSecretLength = 1024;

    public SignInValidator()
    {
        RuleFor(c => c.Identifier).TypedIdentifier();
        RuleFor(c => c.Password)
            .NotEmpty().WithMessage("Saisissez votre mot de passe ou votre code d’activation.")
            .MaximumLength(MaxSecretLength).WithMessage("Le mot de passe est trop long.");
    }
}
