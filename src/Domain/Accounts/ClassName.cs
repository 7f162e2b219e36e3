using Ent77.Domain.Common;

namespace Ent77.Domain.Accounts;

/// <summary>
/// A class (or group), as the school writes it: trimmed, at most <see cref="MaxLength"/> characters; an empty one is no
/// class (docs/DOMAIN.md "Names and classes").
/// </summary>
public sealed record ClassName
{
    public const int MaxLength = 50;

    private ClassName(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>Whether <paramref name="input"/>, once trimmed, fits (blank fits: it is no class).</summary>
    public static bool Fits(string? input) => (input?.Trim().Length ?? 0) <= MaxLength;

    /// <summary>
    /// The class, null for a blank one, or a <see cref="DomainValidationException"/> on <paramref name="field"/> when it is
    /// too long.
    /// </summary>
    public static ClassName? FromOptional(string? input, string field = "className")
    {
        if (TextNormalization.TrimmedOrNull(input) is not { } value)
        {
            return null;
        }

        return value.Length <= MaxLength
            ? new ClassName(value)
            : throw new DomainValidationException(field, [new DomainError("class_name.too_long", $"La classe ne doit pas dépasser {MaxLength} caractères.")]);
    }
}
