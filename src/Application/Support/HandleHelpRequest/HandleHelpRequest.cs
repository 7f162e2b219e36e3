using Ent77.Application.Administration.Access;
using Ent77.Application.Common;
using Ent77.Application.Common.Exceptions;
using Ent77.Application.Common.Ports;
using Ent77.Application.Establishments;
using Ent77.Application.Notifications;
using Ent77.Domain.Auditing;
using Ent77.Domain.Establishments;
using Ent77.Domain.Support;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Support.HandleHelpRequest;

public enum HelpRequestAction
{
    Start,
    Resolve,
    Reject,
}

/// <summary>An administrator of the school takes, resolves or rejects a request (a note is needed to close).</summary>
public sealed record HandleHelpRequestCommand(Guid? ActorAccountId, string? Uai, Guid HelpRequestId, HelpRequestAction Action, string? Note)
    : ICommand<Unit>, IEstablishmentRequest;

public sealed class HandleHelpRequestValidator : AbstractValidator<HandleHelpRequestCommand>
{
    public HandleHelpRequestValidator() =>
        RuleFor(c => c.Note)
            .NotEmpty().WithMessage("Expliquez en une note ce qui a été fait ou pourquoi la demande est refusée.")
            .MaximumLength(HelpRequest.MaxNoteLength).WithMessage($"La note ne doit pas dépasser {HelpRequest.MaxNoteLength} caractères.")
            .When(c => c.Action != HelpRequestAction.Start);
}

public sealed class HandleHelpRequestHandler(
    IHelpRequestRepository requests,
    IEstablishmentRepository establishments,
    INotificationOutbox outbox,
    Common.Ports.IAuditLog audit,
    IOptions<RecoveryOptions> recovery,
    TimeProvider time) : ICommandHandler<HandleHelpRequestCommand, Unit>
{
    public async ValueTask<Unit> Handle(HandleHelpRequestCommand command, CancellationToken cancellationToken)
    {
        var establishment = await establishments.GetScopedAsync(command.Uai, cancellationToken);
        var request = await requests.FindAsync(new HelpRequestId(command.HelpRequestId), cancellationToken);
        if (request is null || request.EstablishmentId != establishment.Id)
        {
            throw new NotFoundException("Demande d'aide introuvable.");
        }

        var now = time.GetUtcNow();
        var actor = command.ActorAccountId ?? Guid.Empty;
        switch (command.Action)
        {
            case HelpRequestAction.Start:
                request.Start(actor, now);
                break;
            case HelpRequestAction.Resolve:
                request.Resolve(actor, command.Note!, now);
                break;
            default:
                request.Reject(actor, command.Note!, now);
                break;
        }

        if (request.IsClosed && SupportMessages.ToRequester(request, establishment, SupportMessages.Outcome, recovery.Value.SmsEnabled) is { } outcome)
        {
            outbox.Enqueue(outcome);
        }

        var type = command.Action switch
        {
            HelpRequestAction.Start => AuditTypes.HelpRequestStarted,
            HelpRequestAction.Resolve => AuditTypes.HelpRequestResolved,
            _ => AuditTypes.HelpRequestRejected,
        };
        audit.Record(AuditEvent.Record(type, now, establishmentId: establishment.Id.Value, actorAccountId: command.ActorAccountId, details: request.Reference));
        return Unit.Value;
    }
}
