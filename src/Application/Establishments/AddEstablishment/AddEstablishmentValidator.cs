using Ent77.Domain.Establishments;
using FluentValidation;

namespace Ent77.Application.Establishments.AddEstablishment;

public sealed class AddEstablishmentValidator : AbstractValidator<AddEstablishmentCommand>
{
    public AddEstablishmentValidator()
    {
        RuleFor(c => c.Uai).Custom((uai, context) =>
        {
            switch (Uai.Parse(uai).Problem)
            {
                case UaiProblem.Malformed:
                    context.AddFailure("Le code UAI doit comporter 7 chiffres suivis d’une lettre (exemple : 0771234Y).");
                    break;
                case UaiProblem.WrongCheckLetter:
                    context.AddFailure("La lettre de contrôle du code UAI est incorrecte.");
                    break;
            }
        });
        RuleFor(c => c.Name)
            .NotEmpty().WithMessage("Le nom de l’établissement est obligatoire.")
            .MaximumLength(Establishment.MaxNameLength).WithMessage($"Le nom de l’établissement ne doit pas dépasser {Establishment.MaxNameLength} caractères.");
        RuleFor(c => c.City)
            .NotEmpty().WithMessage("La commune est obligatoire.")
            .MaximumLength(Establishment.MaxCityLength).WithMessage($"La commune ne doit pas dépasser {Establishment.MaxCityLength} caractères.");
    }
}
