namespace Ent77.Application.Administration.SchoolExports;

/// <summary>
/// One XML export recognised in the upload. <paramref name="Name"/> is how problems name it: the uploaded file's
/// name, or <c>archive.zip › entry.xml</c> for a file inside a zip. <paramref name="Uaj"/> is the school code the
/// file gives (<c>PARAMETRES/UAJ</c>, STS: <c>PARAMETRES/UAJ/@CODE</c>), null when absent.
/// <paramref name="IsComplete"/> is false when reading stopped before the end (malformed, truncated, too large…).
/// </summary>
public sealed record ExportedFile(string Name, ExportFileKind Kind, string? Uaj, bool IsComplete);
