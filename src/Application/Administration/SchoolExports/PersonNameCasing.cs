using System.Text;

namespace Ent77.Application.Administration.SchoolExports;

/// <summary>
/// How the names of an export are written on accounts and letters (docs/IMPORTS.md, « Noms »). Both names are
/// trimmed, their runs of white space made one space, in NFC. Family names are kept as the file gives them:
/// SIECLE and STS-Web give them in capitals, which is how French letters print a family name (« MARTIN »), and a
/// family name in mixed case was typed so on purpose. A first name given all in capitals (or all in lower case), as
/// STS-Web does, is written as a French first name is: a capital at the start of each part, after a space, a
/// hyphen or an apostrophe (« ISABELLE » → « Isabelle », « JEAN-PIERRE » → « Jean-Pierre », « N’GOLO » →
/// « N’Golo »); a first name in mixed case (« Zoé », « Marie-Ange ») is kept as typed. None of this changes the
/// identifier a name gives: a letter's case is changed only when both cases fold to the same letter.
/// </summary>
public static class PersonNameCasing
{
    public static string LastName(string? value) => Clean(value);

    public static string FirstName(string? value)
    {
        var clean = Clean(value);
        return IsSingleCase(clean) ? TitleCase(clean) : clean;
    }

    /// <summary>Trimmed, white-space runs as one space, NFC (malformed UTF-16 left as it is).</summary>
    private static string Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var trimmed = value.Trim();
        if (!HasSpacesToTidy(trimmed))
        {
            return Compose(trimmed);
        }

        var builder = new StringBuilder(trimmed.Length);
        var space = false;
        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            builder.Append(c);
        }

        return Compose(builder.ToString());
    }

    /// <summary>Whether a trimmed name has white space other than single spaces.</summary>
    private static bool HasSpacesToTidy(string trimmed)
    {
        for (var i = 0; i < trimmed.Length; i++)
        {
            if (char.IsWhiteSpace(trimmed[i]) && (trimmed[i] != ' ' || trimmed[i + 1] == ' '))
            {
                return true;
            }
        }

        return false;
    }

    private static string Compose(string value)
    {
        try
        {
            return value.IsNormalized() ? value : value.Normalize();
        }
        catch (ArgumentException)
        {
            return value; // a lone surrogate: nothing to compose
        }
    }

    /// <summary>True when the name has cased letters and they are all capitals, or all lower case.</summary>
    private static bool IsSingleCase(string value)
    {
        bool upper = false, lower = false;
        foreach (var c in value)
        {
            upper |= char.IsUpper(c);
            lower |= char.IsLower(c);
        }

        return upper != lower;
    }

    private static string TitleCase(string value)
    {
        var chars = value.ToCharArray();
        var startOfPart = true;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (IsPartSeparator(c))
            {
                startOfPart = true;
                continue;
            }

            if (!char.IsLetter(c))
            {
                continue; // digits, combining marks: the part goes on
            }

            var cased = startOfPart ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c);
            if (char.ToLowerInvariant(cased) == char.ToLowerInvariant(c))
            {
                chars[i] = cased;
            }

            startOfPart = false;
        }

        return new string(chars);
    }

    private static bool IsPartSeparator(char c) =>
        c is ' ' or '-' or '\'' or '’' or 'ʼ' or '‘' or '‐' or '‑' or '–' or '—';
}
