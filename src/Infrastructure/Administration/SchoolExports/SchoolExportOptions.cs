namespace Ent77.Infrastructure.Administration.SchoolExports;

/// <summary>
/// <c>SchoolExports:*</c>: the size caps of the SIECLE and STS-Web uploads <see cref="XmlSchoolExportReader"/>
/// accepts (docs/IMPORTS.md). A file over a cap is refused while it is read, never read whole first.
/// </summary>
public sealed class SchoolExportOptions
{
    public const string Section = "SchoolExports";

    /// <summary>
    /// The largest uploaded file (plain XML or zip), and the largest XML once unzipped, in bytes (default 32 MiB,
    /// as the roster CSV: several times the exports of the largest lycée).
    /// </summary>
    public long MaxFileBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>The most XML bytes one upload may hold, all files unzipped together (default 64 MiB).</summary>
    public long MaxTotalBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>The most entries a zip may list, folders included (default 10; an export zip holds one to three files).</summary>
    public int MaxArchiveEntries { get; set; } = 10;
}
