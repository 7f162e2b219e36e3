namespace Ent77.Application.Administration;

/// <summary>
/// One data line of a roster file as the reader found it: each cell trimmed and in NFC, null when absent or empty. Nothing
/// is checked yet (<see cref="RosterValidator"/> does). <paramref name="Children"/>: the <c>Enfants</c> cell, a parent's
/// children's external ids separated by <c>|</c>. Line numbers are physical lines of the file.
/// </summary>
public sealed record RosterLine(
    int LineNumber,
    string? LastName,
    string? FirstName,
    string? Profile,
    string? ClassName,
    string? BirthDate,
    string? ExternalId,
    string? Children = null);
