namespace Ent77.Application.Administration;

/// <summary>
/// What a roster reader read: the data lines, and the problems of format it met (size, encoding, header, quotes). A
/// problem of the whole file or of its header comes alone, with no line.
/// </summary>
public sealed record RosterFile(IReadOnlyList<RosterLine> Lines, IReadOnlyList<RosterError> Errors);
