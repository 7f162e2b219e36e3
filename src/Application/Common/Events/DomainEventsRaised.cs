using Ent77.Domain.Common;
using Mediator;

namespace Ent77.Application.Common.Events;

/// <summary>
/// The domain events of one round of a unit of work, grouped by type: what the aggregates raised since the previous
/// round. The unit of work publishes it before it commits, round after round until no handler raises a new event
/// (docs/adr/0011-domain-events-dispatched-before-commit.md). One notification a round, not one an event, so that a
/// bulk change (a re-issue of ten thousand codes) is one call to each handler with all its events.
/// </summary>
public sealed class DomainEventsRaised : INotification
{
    private readonly Dictionary<Type, List<IDomainEvent>> _byType = [];

    public DomainEventsRaised(IEnumerable<IDomainEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var domainEvent in events)
        {
            var type = domainEvent.GetType();
            if (!_byType.TryGetValue(type, out var list))
            {
                _byType.Add(type, list = []);
            }

            list.Add(domainEvent);
            Count++;
        }
    }

    /// <summary>How many events the round holds, of every type.</summary>
    public int Count { get; }

    /// <summary>The round's events of type <typeparamref name="TEvent"/>, in the order they were raised.</summary>
    public IReadOnlyList<TEvent> Of<TEvent>()
        where TEvent : IDomainEvent =>
        _byType.TryGetValue(typeof(TEvent), out var list) ? list.ConvertAll(e => (TEvent)e) : [];
}
