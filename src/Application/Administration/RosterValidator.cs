using System.Collections.Frozen;
using System.Globalization;
using Ent77.Domain.Accounts;
using Ent77.Domain.Common;

namespace Ent77.Application.Administration;

/// <summary>
/// Checks the lines of a roster by the domain's rules (docs/DOMAIN.md "Names and classes", "Roster import") and
/// turns them into rows: names (<see cref="PersonName"/>, and a part for the identifier), profile, class
/// (<see cref="ClassName"/>), birth date, external id (<see cref="Account.MaxExternalIdLength"/>, once per file). Every
/// problem of every line is reported, in the order of the file, after the reader's problems of format on the same line.
/// </summary>
public static class RosterValidator
{
    private const string AcceptedProfiles =
        "Élève, Parent, Responsable légal, Enseignant, Professeur ou Personnel (ou Student, Teacher, Staff)";

    private const int MaxShownValueLength = 40;

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy"];
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);

    private static readonly (string Name, Profile Profile)[] ProfileNames =
    [
        ("Élève", Profile.Student), ("Eleve", Profile.Student), ("Student", Profile.Student),
        ("Parent", Profile.Parent), ("Responsable", Profile.Parent), ("Responsable légal", Profile.Parent),
        ("Enseignant", Profile.Teacher), ("Professeur", Profile.Teacher), ("Teacher", Profile.Teacher),
        ("Personnel", Profile.Staff), ("Staff", Profile.Staff),
    ];

    /// <summary>The usual spellings, looked up first (no allocation for the common case).</summary>
    private static readonly FrozenDictionary<string, Profile> ProfilesBySpelling =
        ProfileNames.ToFrozenDictionary(p => p.Name, p => p.Profile, StringComparer.OrdinalIgnoreCase);

    /// <summary>The same names by <see cref="TextNormalization.Key"/>: any case, accents, spaces, hyphens or apostrophes.</summary>
    private static readonly FrozenDictionary<string, Profile> ProfilesByKey =
        ProfileNames.DistinctBy(p => TextNormalization.Key(p.Name))
            .ToFrozenDictionary(p => TextNormalization.Key(p.Name), p => p.Profile, StringComparer.Ordinal);

    /// <summary>
    /// The rows of <paramref name="file"/>, or every problem it has (then no row). A birth date after
    /// <paramref name="today"/> (a day in Paris) is in the future.
    /// </summary>
    public static RosterReadResult Validate(RosterFile file, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(file);
        var check = new Check(today);
        foreach (var line in file.Lines)
        {
            check.Line(line);
        }

        if (file.Errors.Count == 0)
        {
            return check.Errors.Count == 0 ? new RosterReadResult(check.Rows, []) : new RosterReadResult([], check.Errors);
        }

        // The reader's problems first on their line (a quote never closed is met before its line's cells are judged).
        var errors = file.Errors.Select(e => (Error: e, Order: 0)).Concat(check.Errors.Select(e => (Error: e, Order: 1)))
            .OrderBy(e => e.Error.LineNumber).ThenBy(e => e.Order).Select(e => e.Error).ToList();
        return new RosterReadResult([], errors);
    }

    /// <summary>A value quoted in a message, cut when long.</summary>
    private static string Show(string value)
    {
        if (value.Length <= MaxShownValueLength)
        {
            return $"« {value} »";
        }

        var cut = char.IsHighSurrogate(value[MaxShownValueLength - 1]) ? MaxShownValueLength - 1 : MaxShownValueLength;
        return $"« {value[..cut]}… »";
    }

    /// <summary>One file being checked.</summary>
    private sealed class Check(DateOnly today)
    {
        private readonly Dictionary<string, int> _externalIds = new(StringComparer.OrdinalIgnoreCase);

        public List<RosterError> Errors { get; } = [];

        public List<RosterRow> Rows { get; } = [];

        public void Line(RosterLine line)
        {
            var lastName = Name(line.LastName, line.LineNumber, RosterColumns.LastName, "Le nom");
            var firstName = Name(line.FirstName, line.LineNumber, RosterColumns.FirstName, "Le prénom");
            var profile = ProfileOf(line.Profile, line.LineNumber);
            var className = Class(line.ClassName, line.LineNumber);
            var birthDate = BirthDate(line.BirthDate, line.LineNumber);
            var externalId = ExternalId(line.ExternalId, line.LineNumber);
            var children = Children(line.Children, line.LineNumber, profile);
            if (Errors.Count == 0)
            {
                Rows.Add(new RosterRow(line.LineNumber, lastName!, firstName!, profile!.Value, className, birthDate, externalId, children));
            }
        }

        private string? Name(string? value, int line, string column, string label)
        {
            switch (PersonName.Check(value))
            {
                case PersonNameProblem.Empty:
                    Errors.Add(new RosterError(line, column, $"{label} est obligatoire."));
                    return null;
                case PersonNameProblem.TooLong:
                    Errors.Add(new RosterError(line, column, $"{label} dépasse {PersonName.MaxLength} caractères ({value!.Length})."));
                    return null;
            }

            if (!Identifier.YieldsPart(value!))
            {
                Errors.Add(new RosterError(line, column, $"{label} {Show(value!)} ne contient aucune lettre utilisable pour l’identifiant (prénom.nom)."));
                return null;
            }

            return value;
        }

        private Profile? ProfileOf(string? value, int line)
        {
            if (value is null)
            {
                Errors.Add(new RosterError(line, RosterColumns.Profile, $"Le profil est obligatoire : {AcceptedProfiles}."));
                return null;
            }

            if (ProfilesBySpelling.TryGetValue(value, out var profile) || ProfilesByKey.TryGetValue(TextNormalization.Key(value), out profile))
            {
                return profile;
            }

            Errors.Add(new RosterError(line, RosterColumns.Profile, $"Profil {Show(value)} inconnu : valeurs acceptées {AcceptedProfiles}."));
            return null;
        }

        private string? Class(string? value, int line)
        {
            if (!ClassName.Fits(value))
            {
                Errors.Add(new RosterError(line, RosterColumns.ClassName, $"La classe dépasse {ClassName.MaxLength} caractères ({value!.Length})."));
                return null;
            }

            return value;
        }

        private DateOnly? BirthDate(string? value, int line)
        {
            if (value is null)
            {
                return null;
            }

            if (!DateOnly.TryParseExact(value, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Errors.Add(new RosterError(line, RosterColumns.BirthDate,
                    $"Date de naissance {Show(value)} invalide : une date réelle au format JJ/MM/AAAA (ou AAAA-MM-JJ, JJ-MM-AAAA, JJ.MM.AAAA) est attendue."));
                return null;
            }

            if (date > today)
            {
                Errors.Add(new RosterError(line, RosterColumns.BirthDate, $"Date de naissance {Show(value)} dans le futur."));
                return null;
            }

            if (date < EarliestBirthDate)
            {
                Errors.Add(new RosterError(line, RosterColumns.BirthDate, $"Date de naissance {Show(value)} antérieure au 01/01/1900."));
                return null;
            }

            return date;
        }

        /// <summary>A parent's children: external ids separated by <c>|</c>, each once.</summary>
        private List<string>? Children(string? value, int line, Profile? profile)
        {
            if (value is null)
            {
                return null;
            }

            if (profile is { } p && p != Profile.Parent)
            {
                Errors.Add(new RosterError(line, RosterColumns.Children, "Seul un responsable légal (profil Parent) a des enfants : videz cette cellule."));
                return null;
            }

            var ids = value.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (ids.Find(id => id.Length > Account.MaxExternalIdLength) is { } tooLong)
            {
                Errors.Add(new RosterError(line, RosterColumns.Children,
                    $"L’identifiant externe d’enfant {Show(tooLong)} dépasse {Account.MaxExternalIdLength} caractères."));
                return null;
            }

            return ids.Count == 0 ? null : ids;
        }

        private string? ExternalId(string? value, int line)
        {
            if (value is null)
            {
                return null;
            }

            if (value.Length > Account.MaxExternalIdLength)
            {
                Errors.Add(new RosterError(line, RosterColumns.ExternalId,
                    $"L’identifiant externe dépasse {Account.MaxExternalIdLength} caractères ({value.Length})."));
                return null;
            }

            if (!_externalIds.TryAdd(value, line))
            {
                Errors.Add(new RosterError(line, RosterColumns.ExternalId,
                    $"Identifiant externe {Show(value)} déjà utilisé ligne {_externalIds[value]} : chaque personne doit avoir le sien."));
                return null;
            }

            return value;
        }
    }
}
