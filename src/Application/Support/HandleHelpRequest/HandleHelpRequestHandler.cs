using Ent77.Application.Administration.Access;
using Ent77.Application.Common.Exceptions;
using Ent77.Application.Establishments;
using Ent77.Domain.Support;
using Mediator;

namespace Ent77.Application.Support.HandleHelpRequest;

public sealed class HandleHelpRequestHandler(
    IHelpRequestRepository requests,
    IEstablishmentRepository establishments,
    TimeProvider time) : ICommandHandler<HandleHelpRequestCommand, Unit>
{
    public async ValueTask<Unit> Handle(HandleHelpRequestCommand command, CancellationToken cancellationToken)
    {
        var establishment = await establishments.GetScopedAsync(command.Uai, cancellationToken);
        var request = await requests.FindAsync(new HelpRequestId(command.HelpRequestId), cancellationToken);
        if (request is null || request.EstablishmentId != establishment.Id)
        {
            throw new NotFoundException("Demande d’aide introuvable.");
        }

        var now = time.GetUtcNow();
        var actor = command.Actor.AccountId ?? Guid.Empty;
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

        return Unit.Value;
    }
}
