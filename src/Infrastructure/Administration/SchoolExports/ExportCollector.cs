using Ent77.Application.Administration.SchoolExports;

namespace Ent77.Infrastructure.Administration.SchoolExports;

/// <summary>What one upload's files give, gathered as they are read, and the problems found on the way.</summary>
internal sealed class ExportCollector
{
    public List<ExportedFile> Files { get; } = [];

    public List<ExportedStudent> Students { get; } = [];

    public List<ExportedGuardian> Guardians { get; } = [];

    public List<ExportedGuardianLink> GuardianLinks { get; } = [];

    public List<ExportedStaffMember> Staff { get; } = [];

    public List<SchoolExportProblem> Problems { get; } = [];

    public void Problem(string file, string? element, int? line, SchoolExportProblemKind kind, string reason) =>
        Problems.Add(new SchoolExportProblem(file, element, line, kind, reason));

    public SchoolExportReadResult ToResult() =>
        new(new SchoolExport(Files, Students, Guardians, GuardianLinks, Staff), Problems);
}
