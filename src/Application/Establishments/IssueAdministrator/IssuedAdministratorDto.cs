namespace Ent77.Application.Establishments.IssueAdministrator;

public sealed record IssuedAdministratorDto(Guid Id, string Identifier, string FirstName, string LastName, string ActivationCode, DateTimeOffset ExpiresAt);
