namespace Ent77.Application.Establishments.ListEstablishments;

public sealed record EstablishmentDto(string Uai, string Name, string City);
