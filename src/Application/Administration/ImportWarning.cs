namespace Ent77.Application.Administration;

/// <summary>
/// Something an import did that a person should look at, without refusing the file (docs/IMPORTS.md "Homonyms"):
/// the CSV line or the external id of the person, the identifier given, and why in French.
/// </summary>
public sealed record ImportWarning(int? Line, string? ExternalId, string Identifier, string Message);
