namespace Ent77.Application.Common.Exceptions;

/// <summary>Someone else changed the same aggregate first (optimistic concurrency, 409).</summary>
public sealed class ConcurrencyConflictException(Exception inner)
    : Exception("Cette ressource vient d’être modifiée par une autre requête. Réessayez.", inner);
