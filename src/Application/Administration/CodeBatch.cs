namespace Ent77.Application.Administration;

/// <summary>The codes of one issuance, for one school, to print or export.</summary>
public sealed record CodeBatch(string EstablishmentUai, string EstablishmentName, IReadOnlyList<IssuedCodeDto> Accounts);
