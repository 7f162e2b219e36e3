using Ent77.Application.Accounts.Sessions;
using Ent77.Application.Common.Exceptions;
using Ent77.Domain.Accounts;
using Mediator;

namespace Ent77.Application.Accounts.EndSession;

/// <summary>Another account's session, or none: the same 404, which says nothing of whether it exists.</summary>
public sealed class EndSessionHandler(ISessionRepository sessions, IPublisher publisher, TimeProvider time) : ICommandHandler<EndSessionCommand, Unit>
{
    public async ValueTask<Unit> Handle(EndSessionCommand command, CancellationToken cancellationToken)
    {
        var session = await sessions.FindAsync(new SessionId(command.SessionId), cancellationToken);
        if (session is null || session.AccountId.Value != command.AccountId)
        {
            throw new NotFoundException("Session introuvable.");
        }

        sessions.Remove(session);
        await publisher.Publish(new SessionEnded(command.AccountId, time.GetUtcNow()), cancellationToken);
        return Unit.Value;
    }
}
