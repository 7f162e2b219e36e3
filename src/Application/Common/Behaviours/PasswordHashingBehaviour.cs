using Ent77.Application.Common.Ports;
using Mediator;

namespace Ent77.Application.Common.Behaviours;

/// <summary>
/// Runs each command whose handler hashes passwords (its constructor takes <see cref="IPasswordHasher"/>: sign-in,
/// activation, password change and reset, contact change) through the <see cref="IPasswordHashingGate"/>, inside the
/// unit of work (the commit is not held in the gate). Every path of such a command goes through the same gate, so the
/// equal-work rule of sign-in (docs/adr/0004) is kept: an unknown identifier waits and hashes exactly as a known one.
/// </summary>
public sealed class PasswordHashingBehaviour<TMessage, TResponse>(IPasswordHashingGate gate) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    private static readonly bool Hashes = PasswordHashingCommands.All.Contains(typeof(TMessage));

    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(next);
        return Hashes ? gate.RunAsync(() => next(message, cancellationToken), cancellationToken) : next(message, cancellationToken);
    }
}
