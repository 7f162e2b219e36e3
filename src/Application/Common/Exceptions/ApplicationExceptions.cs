namespace Ent77.Application.Common.Exceptions;

/// <summary>Input that breaks the rules of a command: every field with all its French messages (400).</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("Une ou plusieurs données sont invalides.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>The thing named does not exist (404).</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The thing to create already exists (409).</summary>
public sealed class ConflictException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>Someone else changed the same aggregate first (optimistic concurrency, 409).</summary>
public sealed class ConcurrencyConflictException(Exception inner)
    : Exception("Cette ressource vient d'être modifiée par une autre requête. Réessayez.", inner);

/// <summary>The signed-in person may not do this (403). Never says whether the target exists.</summary>
public sealed class ForbiddenException() : Exception("Votre compte n'a pas les droits nécessaires pour cette action.");
