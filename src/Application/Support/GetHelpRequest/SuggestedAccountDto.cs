namespace Ent77.Application.Support.GetHelpRequest;

public sealed record SuggestedAccountDto(Guid Id, string Identifier, string FirstName, string LastName, Domain.Accounts.Profile Profile, string? ClassName, Domain.Accounts.AccountStatus Status);
