namespace Ent77.Domain.Common;

/// <summary>An input that breaks a business rule tied to one field (maps to 400 with that field).</summary>
public sealed class DomainValidationException(string field, IReadOnlyList<DomainError> errors)
    : DomainException(errors.Count > 0 ? errors[0].Code : "validation", errors.Count > 0 ? errors[0].Message : "Donnée invalide.")
{
    public string Field { get; } = field;
    public IReadOnlyList<DomainError> Errors { get; } = errors;
}
