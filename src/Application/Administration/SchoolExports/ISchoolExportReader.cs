namespace Ent77.Application.Administration.SchoolExports;

/// <summary>
/// Reads what a school exports from the national tools (docs/IMPORTS.md): one to three uploaded files, each a
/// plain XML file or a zip of XML files, every XML recognised by its root element whatever its name
/// (<c>BEE_ELEVES</c>, <c>BEE_RESPONSABLES</c>, <c>STS_EDT</c>). Format only: the records come back as the
/// files give them (names trimmed, dates and levels parsed); whether they fit the school and each other is
/// <see cref="SchoolExportMapper"/>'s business. Every problem is reported at once, each naming its file.
/// </summary>
public interface ISchoolExportReader
{
    /// <summary>Reads the files in turn. The streams stay open: the caller owns them.</summary>
    Task<SchoolExportReadResult> ReadAsync(IReadOnlyList<SchoolExportFile> files, CancellationToken cancellationToken);
}
