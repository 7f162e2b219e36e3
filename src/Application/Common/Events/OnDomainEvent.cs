using Ent77.Domain.Common;
using Mediator;

namespace Ent77.Application.Common.Events;

/// <summary>
/// Does one thing when <typeparamref name="TEvent"/> happens: writes an audit row, enqueues a message. It receives
/// every event of that type of a round at once (usually one; as many as the accounts of a bulk change), inside the
/// unit of work, before the commit: what it writes commits or rolls back with the change.
/// </summary>
public abstract class OnDomainEvent<TEvent> : INotificationHandler<DomainEventsRaised>
    where TEvent : IDomainEvent
{
    public ValueTask Handle(DomainEventsRaised notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var events = notification.Of<TEvent>();
        return events.Count == 0 ? ValueTask.CompletedTask : HandleAsync(events, cancellationToken);
    }

    protected abstract ValueTask HandleAsync(IReadOnlyList<TEvent> events, CancellationToken cancellationToken);
}
