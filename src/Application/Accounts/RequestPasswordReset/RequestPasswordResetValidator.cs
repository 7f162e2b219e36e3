using Ent77.Application.Common;
using Ent77.Application.Common.Validation;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Accounts.RequestPasswordReset;

public sealed class RequestPasswordResetValidator : AbstractValidator<RequestPasswordResetCommand>
{
    public RequestPasswordResetValidator(IOptions<RecoveryOptions> options)
    {
        RuleFor(c => c.Identifier).TypedIdentifier();
        RuleFor(c => c.Channel)
            .Must(channel => options.Value.Channels.Contains(channel ?? "email"))
            .WithMessage(_ => options.Value.SmsEnabled
                ? "Choisissez « email » ou « sms »."
                : "La réinitialisation par SMS n’est pas encore ouverte : choisissez « email ».");
    }
}
