using Ent77.Application.Administration.SchoolExports;

namespace Ent77.Infrastructure.Administration.SchoolExports;

/// <summary>
/// Stops the reading of one file (a cap reached, bytes that break the declared encoding), thrown from inside the
/// streams the XML reader pulls from; the reader turns it into that file's problem.
/// </summary>
internal sealed class ExportReadException(SchoolExportProblemKind kind, string reason, int? line = null) : Exception(reason)
{
    public SchoolExportProblemKind Kind { get; } = kind;

    public int? Line { get; } = line;
}
