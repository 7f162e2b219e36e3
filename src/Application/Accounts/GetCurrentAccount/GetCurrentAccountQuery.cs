using Ent77.Application.Accounts.Common;
using Mediator;

namespace Ent77.Application.Accounts.GetCurrentAccount;

/// <summary>The signed-in person's account, or null when it no longer exists.</summary>
public sealed record GetCurrentAccountQuery(Guid AccountId) : IQuery<AccountDto?>;
