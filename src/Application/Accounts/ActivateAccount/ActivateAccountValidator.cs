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
        RuleFor(c => c.Identifier)
            .NotEmpty().WithMessage("Saisissez votre identifiant.")
            .MaximumLength(Identifier.MaxInputLength).WithMessage("L'identifiant est trop long.");
        RuleFor(c => c.ActivationCode)
            .NotEmpty().WithMessage("Saisissez le code d'activation reçu de votre établissement.")
            .MaximumLength(ActivationCodeValue.MaxInputLength).WithMessage("Le code d'activation est trop long.");
        RuleFor(c => c.Password)
            .NotEmpty().WithMessage("Choisissez un mot de passe.")
            .Custom((password, context) =>
            {
                if (string.IsNullOrEmpty(password))
                {
                    return;
                }

                var owner = Identifier.TryParse(context.InstanceToValidate.Identifier, out var identifier)
                    ? PasswordOwner.FromIdentifier(identifier)
                    : PasswordOwner.None;
                foreach (var error in policy.Check(password, owner))
                {
                    context.AddFailure(error.Message);
                }
            });
        RuleFor(c => c.PasswordConfirmation)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Confirmez le mot de passe.")
            .Equal(c => c.Password).WithMessage("Les deux mots de passe ne sont pas identiques.")
            .When(c => !string.IsNullOrEmpty(c.Password), ApplyConditionTo.CurrentValidator);
        RuleFor(c => c.Email)
            .NotEmpty().WithMessage("Saisissez une adresse e-mail personnelle : elle sert à retrouver un mot de passe perdu.")
            .Must(email => EmailAddress.TryCreate(email, out _))
            .When(c => !string.IsNullOrWhiteSpace(c.Email), ApplyConditionTo.CurrentValidator)
            .WithMessage("L'adresse e-mail n'est pas valide (exemple : prenom.nom@exemple.fr).");
        RuleFor(c => c.MobilePhone)
            .Custom((phone, context) =>
            {
                switch (MobilePhone.Parse(phone).Problem)
                {
                    case MobilePhoneProblem.Malformed:
                        context.AddFailure("Le numéro de téléphone n'est pas valide (exemple : 06 12 34 56 78).");
                        break;
                    case MobilePhoneProblem.NotMobile:
                        context.AddFailure("Indiquez un numéro de téléphone mobile (06 ou 07), pas une ligne fixe.");
                        break;
                }
            })
            .When(c => !string.IsNullOrWhiteSpace(c.MobilePhone));
        RuleFor(c => c.AcceptTerms)
            .Equal(true).WithMessage("Vous devez accepter les conditions générales d'utilisation.");
    }
}
