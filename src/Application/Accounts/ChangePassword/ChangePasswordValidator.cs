using Ent77.Application.Common.Validation;
using Ent77.Domain.Accounts.Passwords;
using FluentValidation;

namespace Ent77.Application.Accounts.ChangePassword;

public sealed class ChangePasswordValidator : AbstractValidator<ChangePasswordCommand>
{
    public ChangePasswordValidator(PasswordPolicy policy)
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Saisissez votre mot de passe actuel.");
        RuleFor(c => c.NewPassword).NewPassword(policy, emptyMessage: "Choisissez un nouveau mot de passe.");
        RuleFor(c => c.NewPasswordConfirmation).Confirms(c => c.NewPassword);
    }
}
