using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;

namespace Ent77.Application.Accounts;

/// <summary>An account to show with its establishment (null for a platform administrator), read together.</summary>
public sealed record AccountWithSchool(Account Account, Establishment? Establishment);
