using System.Diagnostics.CodeAnalysis;
using System.Text;
using Ent77.Domain.Common;

namespace Ent77.Domain.Accounts;

/// <summary>
/// The platform-wide sign-in name <c>prénom.nom</c> (docs/DOMAIN.md "Identifier"): lower case, accents
/// stripped, ligatures expanded, spaces and hyphens folded to one hyphen, every other character
/// dropped, each part cut to <see cref="MaxPartLength"/>; a number is appended on a collision.
/// </summary>
public sealed record Identifier
{
    public const int MaxPartLength = 30;

    /// <summary>Typed identifiers longer than this are not worth normalising: nothing matches.</summary>
    public const int MaxInputLength = 200;

    private Identifier(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>The identifier stored in the database, as it was written (no normalisation).</summary>
    public static Identifier FromStored(string value) => new(value);

    /// <summary>
    /// The identifier a person types at sign-in, normalised like a generated one:
    /// <c>" Hélène.Dupont "</c> reads as <c>helene.dupont</c>. False when it cannot be an identifier.
    /// </summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out Identifier? identifier)
    {
        identifier = null;
        if (string.IsNullOrWhiteSpace(input) || input.Length > MaxInputLength)
        {
            return false;
        }

        var dot = input.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || input.IndexOf('.', dot + 1) >= 0)
        {
            return false;
        }

        var first = NormalizePart(input[..dot]);
        var last = NormalizePart(input[(dot + 1)..]);
        if (first.Length == 0 || last.Length == 0)
        {
            return false;
        }

        identifier = new Identifier($"{first}.{last}");
        return true;
    }

    /// <summary>
    /// The base identifier for a person (before collision numbering). Throws
    /// <see cref="DomainValidationException"/> when a name leaves an empty part: never a silent guess.
    /// </summary>
    public static Identifier BaseFor(string firstName, string lastName)
    {
        var errors = new List<DomainError>();
        var first = Cut(NormalizePart(firstName ?? string.Empty));
        var last = Cut(NormalizePart(lastName ?? string.Empty));
        if (first.Length == 0)
        {
            errors.Add(new DomainError("identifier.empty_first_name", "Le prénom ne contient aucune lettre utilisable pour l’identifiant."));
        }

        if (last.Length == 0)
        {
            errors.Add(new DomainError("identifier.empty_last_name", "Le nom ne contient aucune lettre utilisable pour l’identifiant."));
        }

        if (errors.Count > 0)
        {
            throw new DomainValidationException("identifier", errors);
        }

        return new Identifier($"{first}.{last}");
    }

    /// <summary>
    /// The first free identifier among <c>base</c>, <c>base2</c>, <c>base3</c>… given the ones taken.
    /// </summary>
    public Identifier FirstFree(Func<string, bool> isTaken) => FirstFree(isTaken, after: 0, out _);

    /// <summary>
    /// The first free identifier among <c>base</c>, <c>base2</c>, <c>base3</c>… whose number is above
    /// <paramref name="after"/> (the base itself counts as number 1: <c>after: 0</c> starts at the base, <c>after: 1</c> at
    /// <c>base2</c>): a caller that hands out many identifiers of one base, and knows those below were taken, starts
    /// after the last one it handed out instead of from the start (linear, not quadratic, in the people sharing a base).
    /// <paramref name="number"/> is the number of the one found (1 for the base itself).
    /// </summary>
    public Identifier FirstFree(Func<string, bool> isTaken, int after, out int number)
    {
        ArgumentNullException.ThrowIfNull(isTaken);
        if (after < 1 && !isTaken(Value))
        {
            number = 1;
            return this;
        }

        for (var n = Math.Max(after + 1, 2); ; n++)
        {
            var candidate = Value + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!isTaken(candidate))
            {
                number = n;
                return new Identifier(candidate);
            }
        }
    }

    /// <summary>The identifier without its collision number (<c>jean.dupont3</c> → <c>jean.dupont</c>).</summary>
    public string Base => Value.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');

    /// <summary>
    /// Whether <paramref name="name"/> gives a non-empty identifier part: a name of signs only (« ’’’ », « — ») does not,
    /// and is refused rather than guessed.
    /// </summary>
    public static bool YieldsPart(string name)
    {
        ArgumentNullException.ThrowIfNull(name);

        // A name with an ASCII letter or digit always keeps it: the full rule only runs otherwise (most names, at import speed).
        return name.AsSpan().ContainsAny(AsciiLettersAndDigits) || NormalizePart(name).Length > 0;
    }

    /// <summary>The rule for one part: fold, keep <c>[a-z0-9]</c>, spaces and hyphens become one hyphen.</summary>
    public static string NormalizePart(string part)
    {
        var folded = TextNormalization.Fold(part);
        var builder = new StringBuilder(folded.Length);
        var pendingSeparator = false;
        foreach (var c in folded)
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingSeparator && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(c);
                pendingSeparator = false;
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '‐' or '‑' or '–' or '—' or '_')
            {
                pendingSeparator = true;
            }
        }

        return builder.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> AsciiLettersAndDigits =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private static string Cut(string part) =>
        part.Length <= MaxPartLength ? part : part[..MaxPartLength].TrimEnd('-');
}
