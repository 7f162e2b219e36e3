using Ent77.Domain.Support;
using FluentValidation;

namespace Ent77.Application.Support.HandleHelpRequest;

public sealed class HandleHelpRequestValidator : AbstractValidator<HandleHelpRequestCommand>
{
    public HandleHelpRequestValidator() =>
        RuleFor(c => c.Note)
            .NotEmpty().WithMessage("Expliquez en une note ce qui a été fait ou pourquoi la demande est refusée.")
            .MaximumLength(HelpRequest.MaxNoteLength).WithMessage($"La note ne doit pas dépasser {HelpRequest.MaxNoteLength} caractères.")
            .When(c => c.Action != HelpRequestAction.Start);
}
