using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Ent77.Domain.Accounts;

/// <summary>
/// A one-time activation code: 12 Crockford base32 symbols (60 bits) printed <c>XXXX-XXXX-XXXX</c>.
/// Reading ignores case, spaces and hyphens, and takes <c>O</c> for <c>0</c>, <c>I</c>/<c>L</c> for <c>1</c>.
/// Never stored: only its keyed hash is.
/// </summary>
public sealed record ActivationCodeValue
{
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int Length = 12;

    /// <summary>Typed codes longer than this are refused before any work.</summary>
    public const int MaxInputLength = 64;

    private ActivationCodeValue(string canonical) => Canonical = canonical;

    /// <summary>The 12 symbols, upper case, no separators.</summary>
    public string Canonical { get; }

    /// <summary>The printed form, <c>XXXX-XXXX-XXXX</c>.</summary>
    public string Formatted => $"{Canonical[..4]}-{Canonical[4..8]}-{Canonical[8..]}";

    public override string ToString() => Formatted;

    public static ActivationCodeValue Generate() => new(Common.SecureRandomPool.Symbols(Alphabet, Length));

    public static bool TryParse(string? input, [NotNullWhen(true)] out ActivationCodeValue? code)
    {
        code = null;
        if (string.IsNullOrEmpty(input) || input.Length > MaxInputLength)
        {
            return false;
        }

        var builder = new StringBuilder(Length);
        foreach (var raw in input)
        {
            if (char.IsWhiteSpace(raw) || raw is '-' or '‐' or '‑' or '–')
            {
                continue;
            }

            var c = char.ToUpperInvariant(raw) switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                var other => other,
            };

            if (!Alphabet.Contains(c, StringComparison.Ordinal) || builder.Length == Length)
            {
                return false;
            }

            builder.Append(c);
        }

        if (builder.Length != Length)
        {
            return false;
        }

        code = new ActivationCodeValue(builder.ToString());
        return true;
    }
}
