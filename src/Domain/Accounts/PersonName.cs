using System.Diagnostics.CodeAnalysis;
using Ent77.Domain.Common;

namespace Ent77.Domain.Accounts;

/// <summary>
/// A person's first or last name, as an account or a help request holds it: trimmed, never empty, at most
/// <see cref="MaxLength"/> characters (docs/DOMAIN.md "Names and classes"). Whether it also gives an identifier part is
/// <see cref="Identifier.YieldsPart"/>'s rule.
/// </summary>
public sealed record PersonName
{
    public const int MaxLength = 100;

    private PersonName(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>What is wrong with <paramref name="input"/> as a name, once trimmed (<see cref="PersonNameProblem.None"/> when nothing).</summary>
    public static PersonNameProblem Check(string? input)
    {
        var trimmed = input?.Trim();
        return string.IsNullOrEmpty(trimmed) ? PersonNameProblem.Empty
            : trimmed.Length > MaxLength ? PersonNameProblem.TooLong
            : PersonNameProblem.None;
    }

    public static bool TryCreate(string? input, [NotNullWhen(true)] out PersonName? name)
    {
        name = Check(input) == PersonNameProblem.None ? new PersonName(input!.Trim()) : null;
        return name is not null;
    }

    /// <summary>The name, or a <see cref="DomainValidationException"/> on <paramref name="field"/> when it breaks the rule.</summary>
    public static PersonName Create(string? input, string field) =>
        TryCreate(input, out var name) ? name : throw new DomainValidationException(field, [Check(input) == PersonNameProblem.Empty
            ? new DomainError("person_name.empty", "Le nom et le prénom sont obligatoires.")
            : new DomainError("person_name.too_long", $"Un nom ou un prénom ne doit pas dépasser {MaxLength} caractères.")]);
}
