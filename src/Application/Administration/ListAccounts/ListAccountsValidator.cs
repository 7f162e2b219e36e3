using Ent77.Application.Common.Validation;
using Ent77.Domain.Accounts;
using FluentValidation;

namespace Ent77.Application.Administration.ListAccounts;

public sealed class ListAccountsValidator : AbstractValidator<ListAccountsQuery>
{
    public const int MaxPageSize = 500;

    public ListAccountsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).WithMessage("La page commence à 1.");
        RuleFor(q => q.PageSize).InclusiveBetween(1, MaxPageSize).WithMessage($"La taille de page va de 1 à {MaxPageSize}.");
        RuleFor(q => q.Filter.Search).MaximumLength(100).WithMessage("La recherche ne doit pas dépasser 100 caractères.");
        RuleFor(q => q.Filter.ClassName).OptionalClassName($"Le nom de classe ne doit pas dépasser {ClassName.MaxLength} caractères.");
    }
}
