using Ent77.Application.Common.Validation;
using FluentValidation;

namespace Ent77.Application.Accounts.RemindIdentifier;

public sealed class RemindIdentifierValidator : AbstractValidator<RemindIdentifierCommand>
{
    public RemindIdentifierValidator()
    {
        RuleFor(c => c.Email).PersonalEmail();
    }
}
