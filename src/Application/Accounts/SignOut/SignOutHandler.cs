using Ent77.Application.Accounts.Sessions;
using Ent77.Domain.Accounts;
using Mediator;

namespace Ent77.Application.Accounts.SignOut;

/// <summary>The person closed their session: its row is deleted (a copy of the cookie is dead at once), and it is audited.</summary>
public sealed class SignOutHandler(ISessionRepository sessions, IPublisher publisher, TimeProvider time) : ICommandHandler<SignOutCommand, Unit>
{
    public async ValueTask<Unit> Handle(SignOutCommand command, CancellationToken cancellationToken)
    {
        if (command.AccountId is not { } id)
        {
            return Unit.Value;
        }

        if (command.SessionId is { } sessionId && await sessions.FindAsync(new SessionId(sessionId), cancellationToken) is { } session
            && session.AccountId.Value == id)
        {
            sessions.Remove(session);
        }

        await publisher.Publish(new SignedOut(id, time.GetUtcNow()), cancellationToken);
        return Unit.Value;
    }
}
