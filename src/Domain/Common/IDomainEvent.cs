namespace Ent77.Domain.Common;

/// <summary>Marker for immutable past-tense facts raised by aggregates.</summary>
public interface IDomainEvent;
