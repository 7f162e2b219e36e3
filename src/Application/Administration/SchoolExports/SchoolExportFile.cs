namespace Ent77.Application.Administration.SchoolExports;

/// <summary>One uploaded file: the name it was sent under (only shown in problems) and its content.</summary>
public sealed record SchoolExportFile(string Name, Stream Content);
