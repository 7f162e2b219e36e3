using Ent77.Application.Common.Validation;
using Ent77.Domain.Accounts;
using FluentValidation;

namespace Ent77.Application.Administration.ReissueCodes;

public sealed class ReissueCodesValidator : AbstractValidator<ReissueCodesCommand>
{
    public const int MaxAccountIds = 10_000;

    public ReissueCodesValidator()
    {
        RuleFor(c => c.AccountIds)
            .Must(ids => ids is null || ids.Count <= MaxAccountIds)
            .WithMessage($"Au plus {MaxAccountIds} comptes à la fois.");
        RuleFor(c => c.ClassName).OptionalClassName($"Le nom de classe ne doit pas dépasser {ClassName.MaxLength} caractères.");
        RuleFor(c => c.Profile).IsInEnum().WithMessage("Profil inconnu.");
    }
}
