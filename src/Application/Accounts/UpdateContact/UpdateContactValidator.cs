using Ent77.Application.Common.Validation;
using FluentValidation;

namespace Ent77.Application.Accounts.UpdateContact;

public sealed class UpdateContactValidator : AbstractValidator<UpdateContactCommand>
{
    public UpdateContactValidator()
    {
        RuleFor(c => c.CurrentPassword).NotEmpty().WithMessage("Saisissez votre mot de passe actuel.");
        RuleFor(c => c.Email).PersonalEmail();
        RuleFor(c => c.MobilePhone).OptionalMobile();
    }
}
