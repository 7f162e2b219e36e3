namespace Ent77.Application.Accounts.Common;

public sealed record EstablishmentRefDto(string Uai, string Name);
