using System.Buffers;
using System.Globalization;
using Ent77.Domain.Accounts;
using Ent77.Domain.Common;
using Ent77.Domain.Establishments;

namespace Ent77.Application.Administration.SchoolExports;

/// <summary>
/// From what a school's exports hold to what an import does (docs/IMPORTS.md), in pure code:
/// <list type="bullet">
/// <item>every file must be the school's (<c>UAJ</c> = the UAI imported into);</item>
/// <item>students: those who have left (a <c>DATE_SORTIE</c> not after <c>today</c>, or the division
/// <c>Inactifs</c>) are leavers; the others are <see cref="Profile.Student"/>s, <c>siecle:eleve:&lt;ELEVE_ID&gt;</c>,
/// in their division;</item>
/// <item>guardians: a person who is a legal guardian (<c>NIVEAU_RESPONSABILITE</c> 1, or <c>RESP_LEGAL</c> 1 or 2 in
/// older files) of at least one student who has not left is one <see cref="Profile.Parent"/>,
/// <c>siecle:personne:&lt;PERSONNE_ID&gt;</c>, with all those children; a legal guardian whose children have all
/// left is a leaver; contacts (levels 2 and 3, <c>RESP_LEGAL</c> 0) are neither;</item>
/// <item>staff: <c>FONCTION</c> <c>ENS</c> is a <see cref="Profile.Teacher"/>, anything else or none a
/// <see cref="Profile.Staff"/>, <c>sts:&lt;ID&gt;</c>; an <c>ID</c> listed twice (in <c>INDIVIDUS</c> and
/// <c>SUPPLEANTS</c>) is one person, as first listed.</item>
/// </list>
/// Problems (every one at once, after the reader's): a file of another school, the same student or guardian twice,
/// an empty name, or a name, division or id too long for an account (only for the people to create: a leaver's or
/// a contact's are never used), a link to a student or a person the files do not have.
/// </summary>
public static class SchoolExportMapper
{
    /// <summary>The longest first or last name an account holds.</summary>
    public const int MaxNameLength = PersonName.MaxLength;

    /// <summary>The longest class name an account holds.</summary>
    public const int MaxClassLength = ClassName.MaxLength;

    /// <summary>The longest external id an account holds.</summary>
    public const int MaxExternalIdLength = Account.MaxExternalIdLength;

    /// <summary>The pseudo-division SIECLE puts students in when they are no longer active.</summary>
    public const string InactiveDivision = "Inactifs";

    private const string TeachingFunction = "ENS";

    /// <summary>A name with one of these always keeps it in its identifier part: the full rule runs only for the others.</summary>
    private static readonly SearchValues<char> AsciiLettersAndDigits =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    /// <param name="read">What the reader gave, problems included.</param>
    /// <param name="uai">The school imported into.</param>
    /// <param name="today">Today, in the school's time zone: a student whose <c>DATE_SORTIE</c> is today has left.</param>
    public static SchoolImportPlan Map(SchoolExportReadResult read, Uai uai, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(uai);
        return new Mapping(read, uai, today).Run();
    }

    /// <summary>Whether a link makes its person a legal guardian of its student.</summary>
    public static bool IsLegalGuardian(ExportedGuardianLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return link.ResponsibilityLevel is { } level ? level == 1 : link.LegalResponsible is 1 or 2;
    }

    /// <summary>The profile an STS <c>FONCTION</c> gives.</summary>
    public static Profile ProfileOf(string? function) =>
        string.Equals(function?.Trim(), TeachingFunction, StringComparison.OrdinalIgnoreCase) ? Profile.Teacher : Profile.Staff;

    private sealed class Mapping(SchoolExportReadResult read, Uai uai, DateOnly today)
    {
        private readonly SchoolExport _export = read.Export;
        private readonly List<SchoolExportProblem> _problems = [.. read.Problems];
        private readonly List<ImportedPerson> _people = [];
        private readonly List<ImportedLeaver> _leavers = [];

        /// <summary>Students by ELEVE_ID (first of each id), with their place in the file and whether they are still at school.</summary>
        private readonly Dictionary<string, (ExportedStudent Student, int Index, bool Active)> _students = new(StringComparer.Ordinal);

        public SchoolImportPlan Run()
        {
            CheckSchool();
            MapStudents();
            MapGuardians();
            MapStaff();

            var kinds = new[] { ExportFileKind.Students, ExportFileKind.Guardians, ExportFileKind.Staff }.Where(_export.Carries).ToList();
            return _problems.Count > 0
                ? new SchoolImportPlan(kinds, [], [], _problems)
                : new SchoolImportPlan(kinds, _people, _leavers, []);
        }

        private void CheckSchool()
        {
            foreach (var file in _export.Files)
            {
                if (file.Uaj is { } uaj && !string.Equals(uaj.Trim(), uai.Value, StringComparison.OrdinalIgnoreCase))
                {
                    Problem(file.Name, "UAJ", null, SchoolExportProblemKind.WrongSchool,
                        $"Ce fichier est l’export de l’établissement {uaj.Trim()}, pas de {uai.Value} : importez les exports de votre établissement.");
                }
            }
        }

        private void MapStudents()
        {
            for (var i = 0; i < _export.Students.Count; i++)
            {
                var student = _export.Students[i];
                var element = $"ELEVE_ID={student.Id}";
                if (_students.TryGetValue(student.Id, out var first))
                {
                    Duplicate(student.Source, element, "L’élève", first.Student.Source);
                    continue;
                }

                var firstName = PersonNameCasing.FirstName(student.FirstName);
                var lastName = PersonNameCasing.LastName(student.LastName);
                var externalId = SchoolExternalIds.Student(student.Id);
                var reason = LeavingOf(student);
                _students.Add(student.Id, (student, i, reason is null));
                if (reason is { } left)
                {
                    _leavers.Add(new ImportedLeaver(externalId, Profile.Student, firstName, lastName, left,
                        left == LeavingReason.LeftSchool ? student.LeavingDate : null, student.Source));
                    continue;
                }

                CheckPerson(student.Source, element, externalId, firstName, lastName);
                var className = TextNormalization.TrimmedOrNull(student.Division);
                if (className is { Length: > MaxClassLength })
                {
                    Problem(student.Source, element, SchoolExportProblemKind.TooLong,
                        $"La division « {className[..MaxClassLength]}… » dépasse {MaxClassLength} caractères ({className.Length}).");
                }

                _people.Add(new ImportedPerson(externalId, Profile.Student, firstName, lastName, className, student.BirthDate,
                    null, null, [], student.Source));
            }
        }

        private LeavingReason? LeavingOf(ExportedStudent student) =>
            student.LeavingDate is { } date && date <= today ? LeavingReason.LeftSchool
            : string.Equals(student.Division?.Trim(), InactiveDivision, StringComparison.OrdinalIgnoreCase) ? LeavingReason.InactiveDivision
            : null;

        private void MapGuardians()
        {
            var guardians = new Dictionary<string, ExportedGuardian>(StringComparer.Ordinal);
            foreach (var guardian in _export.Guardians)
            {
                if (!guardians.TryAdd(guardian.Id, guardian))
                {
                    Duplicate(guardian.Source, $"PERSONNE_ID={guardian.Id}", "La personne", guardians[guardian.Id].Source);
                }
            }

            // Links are checked against the students only when the upload has the students file, read whole
            // (a truncated file would make every later student look unknown), and likewise for the persons.
            var studentsFile = _export.FileOf(ExportFileKind.Students);
            var guardiansFile = _export.FileOf(ExportFileKind.Guardians);
            var checkStudents = studentsFile is { IsComplete: true };
            var checkGuardians = guardiansFile is { IsComplete: true };
            var children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var link in _export.GuardianLinks)
            {
                var element = $"ELEVE_ID={link.StudentId}, PERSONNE_ID={link.GuardianId}";
                if (checkStudents && !_students.ContainsKey(link.StudentId))
                {
                    Problem(link.Source, element, SchoolExportProblemKind.UnknownStudent,
                        $"Lien vers l’élève ELEVE_ID={link.StudentId}, absent du fichier des élèves « {studentsFile!.Name} » : exportez les deux fichiers le même jour.");
                    continue;
                }

                if (checkGuardians && !guardians.ContainsKey(link.GuardianId))
                {
                    Problem(link.Source, element, SchoolExportProblemKind.UnknownGuardian,
                        $"Lien vers la personne PERSONNE_ID={link.GuardianId}, absente de la liste des personnes (PERSONNES) du fichier.");
                    continue;
                }

                if (IsLegalGuardian(link))
                {
                    if (!children.TryGetValue(link.GuardianId, out var list))
                    {
                        children.Add(link.GuardianId, list = []);
                    }

                    if (!list.Contains(link.StudentId, StringComparer.Ordinal))
                    {
                        list.Add(link.StudentId);
                    }
                }
            }

            var withStudents = _export.Carries(ExportFileKind.Students);
            foreach (var guardian in _export.Guardians)
            {
                if (!ReferenceEquals(guardians[guardian.Id], guardian) || !children.TryGetValue(guardian.Id, out var legalChildren))
                {
                    continue; // listed twice (reported above), or a contact only: not an account
                }

                var element = $"PERSONNE_ID={guardian.Id}";
                var firstName = PersonNameCasing.FirstName(guardian.FirstName);
                var lastName = PersonNameCasing.LastName(guardian.LastName);
                var externalId = SchoolExternalIds.Guardian(guardian.Id);
                List<string> kept = withStudents
                    ? [.. legalChildren.Where(id => _students.TryGetValue(id, out var s) && s.Active).OrderBy(id => _students[id].Index)]
                    : legalChildren;
                if (kept.Count == 0)
                {
                    if (withStudents && legalChildren.All(_students.ContainsKey))
                    {
                        _leavers.Add(new ImportedLeaver(externalId, Profile.Parent, firstName, lastName, LeavingReason.NoChildInSchool, null, guardian.Source));
                    }

                    continue;
                }

                CheckPerson(guardian.Source, element, externalId, firstName, lastName);
                _people.Add(new ImportedPerson(externalId, Profile.Parent, firstName, lastName, null, null,
                    Blank(guardian.Email), Blank(guardian.MobilePhone), [.. kept.Select(SchoolExternalIds.Student)], guardian.Source));
            }
        }

        private void MapStaff()
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in _export.Staff)
            {
                if (!seen.Add(member.Id))
                {
                    continue; // listed again (a substitute also among the staff): one person, as first listed
                }

                var firstName = PersonNameCasing.FirstName(member.FirstName);
                var lastName = PersonNameCasing.LastName(member.LastName);
                var externalId = SchoolExternalIds.Staff(member.Id);
                CheckPerson(member.Source, $"INDIVIDU ID={member.Id}", externalId, firstName, lastName);
                _people.Add(new ImportedPerson(externalId, ProfileOf(member.Function), firstName, lastName,
                    null, member.BirthDate, null, null, [], member.Source));
            }
        }

        /// <summary>What an account needs: names that give an identifier and fit, an external id that fits.</summary>
        private void CheckPerson(ExportSource source, string element, string externalId, string firstName, string lastName)
        {
            if (externalId.Length > MaxExternalIdLength)
            {
                Problem(source, element, SchoolExportProblemKind.TooLong,
                    string.Create(CultureInfo.InvariantCulture, $"L’identifiant « {externalId[..40]}… » dépasse {MaxExternalIdLength} caractères ({externalId.Length}) : le fichier est incohérent, exportez-le à nouveau."));
            }

            CheckName(source, element, firstName, "Le prénom");
            CheckName(source, element, lastName, "Le nom");
        }

        private void CheckName(ExportSource source, string element, string name, string label)
        {
            if (name.Length == 0)
            {
                Problem(source, element, SchoolExportProblemKind.EmptyName, $"{label} est vide : un compte ne peut pas être créé sans lui.");
            }
            else if (name.Length > MaxNameLength)
            {
                Problem(source, element, SchoolExportProblemKind.TooLong,
                    $"{label} « {name[..40]}… » dépasse {MaxNameLength} caractères ({name.Length}).");
            }
            else if (!name.AsSpan().ContainsAny(AsciiLettersAndDigits) && Identifier.NormalizePart(name).Length == 0)
            {
                Problem(source, element, SchoolExportProblemKind.EmptyName,
                    $"{label} « {name} » ne contient aucune lettre utilisable pour l’identifiant (prénom.nom).");
            }
        }

        private void Duplicate(ExportSource source, string element, string who, ExportSource first) =>
            Problem(source, element, SchoolExportProblemKind.DuplicateId,
                string.Create(CultureInfo.InvariantCulture,
                    $"{who} {element} apparaît deux fois (lignes {first.Line} et {source.Line}) : le fichier est incohérent, exportez-le à nouveau."));

        private void Problem(ExportSource source, string element, SchoolExportProblemKind kind, string reason) =>
            Problem(source.File, element, source.Line, kind, reason);

        private void Problem(string file, string? element, int? line, SchoolExportProblemKind kind, string reason) =>
            _problems.Add(new SchoolExportProblem(file, element, line, kind, reason));

        private static string? Blank(string? value) => TextNormalization.TrimmedOrNull(value);
    }
}
