namespace Ent77.Domain.Accounts;

/// <summary>Who an account is for, as a school's roster describes the person.</summary>
public sealed record PersonDetails(
    string FirstName,
    string LastName,
    Profile Profile,
    string? ClassName,
    DateOnly? BirthDate,
    string? ExternalId);
