using System.Diagnostics.CodeAnalysis;

namespace Ent77.Domain.Establishments;

/// <summary>
/// An establishment's UAI: 7 digits and a check letter,
/// <c>ABCDEFGHJKLMNPRSTUVWXYZ</c>[the 7 digits mod 23] (<c>0771234Y</c>).
/// </summary>
public sealed record Uai
{
    public const string CheckLetters = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private Uai(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static UaiParse Parse(string? input)
    {
        var value = input?.Trim().ToUpperInvariant();
        if (value is null || value.Length != 8 || !value[..7].All(char.IsAsciiDigit) || !char.IsAsciiLetterUpper(value[7]))
        {
            return new UaiParse(null, UaiProblem.Malformed);
        }

        return value[7] == CheckLetterOf(value[..7])
            ? new UaiParse(new Uai(value), UaiProblem.None)
            : new UaiParse(null, UaiProblem.WrongCheckLetter);
    }

    public static bool TryCreate(string? input, [NotNullWhen(true)] out Uai? uai)
    {
        uai = Parse(input).Uai;
        return uai is not null;
    }

    public static char CheckLetterOf(string sevenDigits) =>
        CheckLetters[(int)(long.Parse(sevenDigits, System.Globalization.CultureInfo.InvariantCulture) % 23)];

    public static Uai FromStored(string value) => new(value);
}
