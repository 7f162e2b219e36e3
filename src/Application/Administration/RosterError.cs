namespace Ent77.Application.Administration;

/// <summary>One problem of a roster: where (line, column as named in the file or expected) and why, in French.</summary>
public sealed record RosterError(int LineNumber, string Column, string Reason);
