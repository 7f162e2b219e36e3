using Ent77.Application.Administration.SchoolExports;

namespace Ent77.Application.Tests.SchoolExports;

/// <summary>Exports as a reader would give them, written by hand: each record on its own line of its file.</summary>
internal sealed class SchoolExportBuilder
{
    public const string StudentsFile = "ElevesSansAdresses.xml";
    public const string GuardiansFile = "ResponsablesAvecAdresses.xml";
    public const string StaffFile = "sts_emp_0771234Y_2026.xml";

    private readonly List<ExportedStudent> _students = [];
    private readonly List<ExportedGuardian> _guardians = [];
    private readonly List<ExportedGuardianLink> _links = [];
    private readonly List<ExportedStaffMember> _staff = [];
    private readonly HashSet<ExportFileKind> _kinds = [];
    private readonly Dictionary<ExportFileKind, string> _uaj = [];
    private readonly HashSet<ExportFileKind> _incomplete = [];

    public SchoolExportBuilder Carrying(params ExportFileKind[] kinds)
    {
        _kinds.UnionWith(kinds);
        return this;
    }

    public SchoolExportBuilder Uaj(ExportFileKind kind, string uaj)
    {
        _uaj[kind] = uaj;
        return Carrying(kind);
    }

    public SchoolExportBuilder Incomplete(ExportFileKind kind)
    {
        _incomplete.Add(kind);
        return Carrying(kind);
    }

    public SchoolExportBuilder Student(string id, string first, string last, DateOnly? left = null, string? division = "6A", DateOnly? born = null)
    {
        _students.Add(new ExportedStudent(id, null, last, first, born, left, division, new ExportSource(StudentsFile, 10 + _students.Count)));
        return Carrying(ExportFileKind.Students);
    }

    public SchoolExportBuilder Guardian(string id, string first, string last, string? email = null, string? mobile = null)
    {
        _guardians.Add(new ExportedGuardian(id, last, first, email, mobile, new ExportSource(GuardiansFile, 10 + _guardians.Count)));
        return Carrying(ExportFileKind.Guardians);
    }

    public SchoolExportBuilder Link(string student, string guardian, int? level = 1, int? legal = null)
    {
        _links.Add(new ExportedGuardianLink(student, guardian, level, legal, new ExportSource(GuardiansFile, 1000 + _links.Count)));
        return Carrying(ExportFileKind.Guardians);
    }

    public SchoolExportBuilder Staff(string id, string first, string last, string? function = "ENS", DateOnly? born = null)
    {
        _staff.Add(new ExportedStaffMember(id, "epp", last, first, born, function, new ExportSource(StaffFile, 10 + _staff.Count)));
        return Carrying(ExportFileKind.Staff);
    }

    public SchoolExport Build() => new(
        [.. _kinds.Order().Select(kind => new ExportedFile(FileOf(kind), kind, _uaj.GetValueOrDefault(kind, "0771234Y"), !_incomplete.Contains(kind)))],
        _students, _guardians, _links, _staff);

    public SchoolExportReadResult Read(params SchoolExportProblem[] problems) => new(Build(), problems);

    public static string FileOf(ExportFileKind kind) => kind switch
    {
        ExportFileKind.Students => StudentsFile,
        ExportFileKind.Guardians => GuardiansFile,
        _ => StaffFile,
    };
}
