using Ent77.Application.Accounts.Sessions;
using Ent77.Domain.Accounts;
using Mediator;

namespace Ent77.Application.Accounts.SignOutEverywhere;

public sealed class SignOutEverywhereHandler(ISessionRepository sessions, IPublisher publisher, TimeProvider time) : ICommandHandler<SignOutEverywhereCommand, Unit>
{
    public async ValueTask<Unit> Handle(SignOutEverywhereCommand command, CancellationToken cancellationToken)
    {
        await sessions.EndAllAsync(new AccountId(command.AccountId), except: null, cancellationToken);
        await publisher.Publish(new SignedOutEverywhere(command.AccountId, time.GetUtcNow()), cancellationToken);
        return Unit.Value;
    }
}
