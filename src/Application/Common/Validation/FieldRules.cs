using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Passwords;
using FluentValidation;

namespace Ent77.Application.Common.Validation;

/// <summary>The field rules that several commands share, written once, with their French messages.</summary>
public static class FieldRules
{
    /// <summary>A new password, checked against <see cref="PasswordPolicy"/> (every broken rule reported), with the names a typed identifier gives.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> NewPassword<T>(
        this IRuleBuilder<T, string?> rule, PasswordPolicy policy, Func<T, string?>? identifier = null, string emptyMessage = "Choisissez un mot de passe.") =>
        rule.Custom((password, context) =>
        {
            if (string.IsNullOrEmpty(password))
            {
                context.AddFailure(emptyMessage);
                return;
            }

            var owner = identifier is not null && Identifier.TryParse(identifier(context.InstanceToValidate), out var parsed)
                ? PasswordOwner.FromIdentifier(parsed)
                : PasswordOwner.None;
            foreach (var error in policy.Check(password, owner))
            {
                context.AddFailure(error.Message);
            }
        });

    /// <summary>The confirmation of a new password: present, and equal to it.</summary>
    public static IRuleBuilderOptions<T, string?> Confirms<T>(this IRuleBuilderInitial<T, string?> rule, Func<T, string?> password) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Confirmez le mot de passe.")
            .Must((command, confirmation) => string.IsNullOrEmpty(password(command)) || confirmation == password(command))
            .WithMessage("Les deux mots de passe ne sont pas identiques.");

    /// <summary>A personal e-mail address: required (it is how a lost password is recovered) and well formed.</summary>
    public static IRuleBuilderOptions<T, string?> PersonalEmail<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithMessage("Saisissez une adresse e-mail personnelle : elle sert à retrouver un mot de passe perdu.")
            .Must(email => EmailAddress.TryCreate(email, out _)).WithMessage("L’adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).");

    /// <summary>An optional mobile number: when given, a valid mobile (not a landline).</summary>
    public static IRuleBuilderOptionsConditions<T, string?> OptionalMobile<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((phone, context) =>
        {
            if (string.IsNullOrWhiteSpace(phone))
            {
                return;
            }

            switch (MobilePhone.Parse(phone).Problem)
            {
                case MobilePhoneProblem.Malformed:
                    context.AddFailure("Le numéro de téléphone n’est pas valide (exemple : 06 12 34 56 78).");
                    break;
                case MobilePhoneProblem.NotMobile:
                    context.AddFailure("Indiquez un numéro de téléphone mobile (06 ou 07), pas une ligne fixe.");
                    break;
            }
        });

    /// <summary>A first or last name, by <see cref="Domain.Accounts.PersonName"/>'s rule: required, at most its length.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> PersonName<T>(this IRuleBuilder<T, string?> rule, string emptyMessage, string tooLongMessage) =>
        rule.Custom((name, context) =>
        {
            switch (Domain.Accounts.PersonName.Check(name))
            {
                case PersonNameProblem.Empty:
                    context.AddFailure(emptyMessage);
                    break;
                case PersonNameProblem.TooLong:
                    context.AddFailure(tooLongMessage);
                    break;
            }
        });

    /// <summary>An optional class, by <see cref="Domain.Accounts.ClassName"/>'s rule: at most its length.</summary>
    public static IRuleBuilderOptions<T, string?> OptionalClassName<T>(this IRuleBuilder<T, string?> rule, string tooLongMessage) =>
        rule.Must(Domain.Accounts.ClassName.Fits).WithMessage(tooLongMessage);

    /// <summary>A typed identifier: required, not absurdly long.</summary>
    public static IRuleBuilderOptions<T, string?> TypedIdentifier<T>(this IRuleBuilder<T, string?> rule) =>
        rule.NotEmpty().WithMessage("Saisissez votre identifiant.")
            .MaximumLength(Identifier.MaxInputLength).WithMessage("L’identifiant est trop long.");
}
