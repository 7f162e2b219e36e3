namespace Ent77.Application.Accounts.Common;

/// <summary>One of a parent's children, as the parent's account shows it.</summary>
public sealed record ChildDto(string Identifier, string FirstName, string LastName, string? ClassName, EstablishmentRefDto Establishment);
