using FluentValidation;

namespace Ent77.Application.Administration.GetAudit;

public sealed class GetAuditValidator : AbstractValidator<GetAuditQuery>
{
    public GetAuditValidator() =>
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("La fin de la période précède son début.");
}
