using System.Globalization;
using System.Text;

namespace Ent77.Domain.Common;

/// <summary>Accent- and case-folding shared by every rule that compares French names.</summary>
public static class TextNormalization
{
    /// <summary>
    /// Lower case, accents stripped (NFD, combining marks dropped) and ligatures expanded
    /// (œ→oe, æ→ae, ß→ss). Other characters are kept as they are.
    /// </summary>
    public static string Fold(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        foreach (var c in Decompose(value))
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                    continue;
            }

            switch (c)
            {
                case 'œ' or 'Œ': builder.Append("oe"); break;
                case 'æ' or 'Æ': builder.Append("ae"); break;
                case 'ß' or 'ẞ': builder.Append("ss"); break;
                default: builder.Append(char.ToLowerInvariant(c)); break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>The value trimmed, or null when it is null, empty or only white space.</summary>
    public static string? TrimmedOrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>
    /// A name as matched loosely (a column header, a profile): folded (<see cref="Fold"/>), without spaces, hyphens,
    /// underscores or apostrophes, so that « Date de naissance », « date-de-naissance » and « DateDeNaissance » are one.
    /// </summary>
    public static string Key(string name)
    {
        var folded = Fold(name);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || c is '-' or '_' or '\'' or '’' or '‘' or 'ʼ' or '‐' or '‑' or '–' or '—')
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>NFD; malformed text (a lone surrogate) has its bad characters replaced by U+FFFD first.</summary>
    private static string Decompose(string value)
    {
        try
        {
            return value.Normalize(NormalizationForm.FormD);
        }
        catch (ArgumentException)
        {
            return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(value)).Normalize(NormalizationForm.FormD);
        }
    }
}
