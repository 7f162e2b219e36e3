namespace Ent77.Application.Administration.SchoolExports;

/// <summary>
/// The records of a school's exports, as read: the files recognised, and the students, guardians, links
/// between them and staff, each in file order.
/// </summary>
public sealed record SchoolExport(
    IReadOnlyList<ExportedFile> Files,
    IReadOnlyList<ExportedStudent> Students,
    IReadOnlyList<ExportedGuardian> Guardians,
    IReadOnlyList<ExportedGuardianLink> GuardianLinks,
    IReadOnlyList<ExportedStaffMember> Staff)
{
    public static SchoolExport Empty { get; } = new([], [], [], [], []);

    /// <summary>Whether the upload carries a file of this kind (read whole or not).</summary>
    public bool Carries(ExportFileKind kind) => Files.Any(f => f.Kind == kind);

    /// <summary>The file of this kind, when the upload carries one.</summary>
    public ExportedFile? FileOf(ExportFileKind kind) => Files.FirstOrDefault(f => f.Kind == kind);
}
