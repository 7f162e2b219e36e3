using Ent77.Application.Common.Validation;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using FluentValidation;

namespace Ent77.Application.Establishments.IssueAdministrator;

public sealed class IssueAdministratorValidator : AbstractValidator<IssueAdministratorCommand>
{
    public IssueAdministratorValidator()
    {
        RuleFor(c => c.Uai).Must(uai => Uai.TryCreate(uai, out _)).When(c => !c.PlatformAdmin).WithMessage("Le code UAI n’est pas valide.");
        RuleFor(c => c.Uai).Empty().When(c => c.PlatformAdmin)
            .WithMessage("Un administrateur de la plateforme n’appartient à aucun établissement : n’indiquez pas de code UAI.");
        RuleFor(c => c.FirstName).PersonName("Le prénom est obligatoire.", $"Le prénom ne doit pas dépasser {PersonName.MaxLength} caractères.");
        RuleFor(c => c.LastName).PersonName("Le nom est obligatoire.", $"Le nom ne doit pas dépasser {PersonName.MaxLength} caractères.");
    }
}
