using Ent77.Application.Common.Ports;
using Ent77.Domain.Auditing;
using Mediator;

namespace Ent77.Application.Accounts.SignOut;

/// <summary>The person closed their session (the web layer clears the cookie); recorded in the audit log.</summary>
public sealed record SignOutCommand(Guid? AccountId) : ICommand<Unit>;

public sealed class SignOutHandler(IAuditLog audit, TimeProvider time) : ICommandHandler<SignOutCommand, Unit>
{
    public ValueTask<Unit> Handle(SignOutCommand command, CancellationToken cancellationToken)
    {
        if (command.AccountId is { } id)
        {
            audit.Record(AuditEvent.Record(AuditTypes.SignedOut, time.GetUtcNow(), id));
        }

        return ValueTask.FromResult(Unit.Value);
    }
}
