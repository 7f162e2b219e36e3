namespace Ent77.Application.Common.Exceptions;

/// <summary>Input that breaks the rules of a command: every field with all its French messages (400).</summary>
public sealed class ValidationFailedException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("Une ou plusieurs données sont invalides.")
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
