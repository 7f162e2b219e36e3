using Ent77.Application.Common.Validation;
using Ent77.Domain.Accounts;
using Ent77.Domain.Support;
using FluentValidation;

namespace Ent77.Application.Support.SubmitHelpRequest;

public sealed class SubmitHelpRequestValidator : AbstractValidator<SubmitHelpRequestCommand>
{
    public SubmitHelpRequestValidator() =>
        When(c => string.IsNullOrEmpty(c.Website), () =>
        {
            RuleFor(c => c.FirstName).PersonName("Indiquez votre prénom.", $"Le prénom ne doit pas dépasser {PersonName.MaxLength} caractères.");
            RuleFor(c => c.LastName).PersonName("Indiquez votre nom.", $"Le nom ne doit pas dépasser {PersonName.MaxLength} caractères.");
            RuleFor(c => c.Email)
                .NotEmpty().When(c => string.IsNullOrWhiteSpace(c.Phone))
                .WithMessage("Indiquez une adresse e-mail ou un numéro de téléphone pour recevoir la réponse.");
            RuleFor(c => c.Email)
                .Must(email => EmailAddress.TryCreate(email, out _)).When(c => !string.IsNullOrWhiteSpace(c.Email))
                .WithMessage("L’adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).");
            RuleFor(c => c.Phone)
                .Must(phone => MobilePhone.AnyNumberToE164(phone) is not null).When(c => !string.IsNullOrWhiteSpace(c.Phone))
                .WithMessage("Le numéro de téléphone n’est pas valide (exemple : 06 12 34 56 78).");
            RuleFor(c => c.Uai)
                .NotEmpty().WithMessage("Choisissez l’établissement.")
                .Must(uai => Domain.Establishments.Uai.TryCreate(uai, out _)).When(c => !string.IsNullOrWhiteSpace(c.Uai), ApplyConditionTo.CurrentValidator)
                .WithMessage("Choisissez l’établissement dans la liste.");
            RuleFor(c => c.Kind)
                .NotNull().WithMessage("Choisissez l’objet de la demande.")
                .IsInEnum().WithMessage("Objet de demande inconnu.");
            RuleFor(c => c.StudentName).MaximumLength(HelpRequest.MaxStudentNameLength)
                .WithMessage($"Le nom de l’élève ne doit pas dépasser {HelpRequest.MaxStudentNameLength} caractères.");
            RuleFor(c => c.ClassName).OptionalClassName($"La classe ne doit pas dépasser {ClassName.MaxLength} caractères.");
            RuleFor(c => c.Message)
                .NotEmpty().WithMessage("Décrivez votre demande.")
                .MaximumLength(HelpRequest.MaxMessageLength).WithMessage($"Le message ne doit pas dépasser {HelpRequest.MaxMessageLength} caractères.");
        });
}
