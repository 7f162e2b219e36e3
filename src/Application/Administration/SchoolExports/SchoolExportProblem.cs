namespace Ent77.Application.Administration.SchoolExports;

/// <summary>
/// One problem of an upload, in French: the file it is in (as <see cref="ExportedFile.Name"/>; empty for a problem
/// of the whole upload, such as no file at all), the element concerned when there is one
/// (<c>ELEVE_ID=145778</c>, <c>PERSONNE_ID=294437</c>, <c>INDIVIDU ID=4189</c>, <c>UAJ</c>…), the line when known,
/// a stable <paramref name="Kind"/> and the reason.
/// </summary>
public sealed record SchoolExportProblem(string File, string? Element, int? Line, SchoolExportProblemKind Kind, string Reason);
