namespace Ent77.Domain.Common;

/// <summary>
/// A business rule was broken. <see cref="Code"/> is stable (clients and logs rely on it);
/// <see cref="Message"/> is the French text shown to people.
/// </summary>
public class DomainException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>An operation that the aggregate's current state forbids (maps to 409).</summary>
public sealed class InvalidTransitionException(string code, string message) : DomainException(code, message);

/// <summary>An input that breaks a business rule tied to one field (maps to 400 with that field).</summary>
public sealed class DomainValidationException(string field, IReadOnlyList<DomainError> errors)
    : DomainException(errors.Count > 0 ? errors[0].Code : "validation", errors.Count > 0 ? errors[0].Message : "Donnée invalide.")
{
    public string Field { get; } = field;
    public IReadOnlyList<DomainError> Errors { get; } = errors;
}

/// <summary>One broken rule: a stable code and its French message.</summary>
public sealed record DomainError(string Code, string Message);
