namespace Ent77.Infrastructure.Administration;

/// <summary><c>Roster:*</c>: limits of the roster CSVs that <see cref="CsvRosterReader"/> accepts.</summary>
public sealed class RosterOptions
{
    public const string Section = "Roster";

    /// <summary>The largest file read, in bytes (default 32 MiB); a bigger one is refused without being parsed.</summary>
    public int MaxBytes { get; set; } = 32 * 1024 * 1024;

    /// <summary>The most data rows (header and blank lines not counted) in one file (default 200,000).</summary>
    public int MaxRows { get; set; } = 200_000;
}
