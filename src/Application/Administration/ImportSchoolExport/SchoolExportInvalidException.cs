using Ent77.Application.Administration.SchoolExports;

namespace Ent77.Application.Administration.ImportSchoolExport;

/// <summary>The exports have problems (each naming its file and element): nothing was written.</summary>
public sealed class SchoolExportInvalidException(IReadOnlyList<SchoolExportProblem> problems)
    : Exception($"Les fichiers comportent {problems.Count} erreur(s) : rien n’a été importé.")
{
    public IReadOnlyList<SchoolExportProblem> Problems { get; } = problems;
}
