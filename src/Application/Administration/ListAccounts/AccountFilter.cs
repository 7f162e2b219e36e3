using Ent77.Domain.Accounts;

namespace Ent77.Application.Administration.ListAccounts;

public sealed record AccountFilter(AccountStatus? Status, Profile? Profile, string? ClassName, string? Search);
