namespace Ent77.Domain.Common;

public abstract class AggregateRoot<TId> : IAggregateRoot
    where TId : struct
{
    private readonly List<IDomainEvent> _domainEvents = [];

    public TId Id { get; protected set; }

    /// <summary>Optimistic concurrency token: changes on every save of the aggregate.</summary>
    public Guid Version { get; private set; } = SecureRandomPool.NewGuid();

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents;

    protected void Raise(IDomainEvent domainEvent)
    {
        _domainEvents.Add(domainEvent);
        Version = SecureRandomPool.NewGuid();
    }

    /// <summary>Marks the aggregate changed without an event worth publishing.</summary>
    protected void Touch() => Version = SecureRandomPool.NewGuid();

    public void ClearDomainEvents() => _domainEvents.Clear();
}
