namespace Ent77.Domain.Common;

/// <summary>What the unit of work needs of any aggregate, whatever its id type.</summary>
public interface IAggregateRoot
{
    IReadOnlyList<IDomainEvent> DomainEvents { get; }

    void ClearDomainEvents();
}
