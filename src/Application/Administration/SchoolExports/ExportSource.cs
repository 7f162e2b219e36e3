namespace Ent77.Application.Administration.SchoolExports;

/// <summary>Where a record was read: its file (as <see cref="ExportedFile.Name"/>) and the line of its element.</summary>
public readonly record struct ExportSource(string File, int Line);
