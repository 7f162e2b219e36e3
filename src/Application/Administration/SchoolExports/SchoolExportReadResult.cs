namespace Ent77.Application.Administration.SchoolExports;

/// <summary>
/// What the files hold, and every format problem found in them. <see cref="Export"/> keeps what could be read
/// even when there are problems (the mapping then reports nothing more about a file it could not read whole).
/// </summary>
public sealed record SchoolExportReadResult(SchoolExport Export, IReadOnlyList<SchoolExportProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
