using Ent77.Domain.Accounts;

namespace Ent77.Application.Accounts.Sessions;

/// <summary>What a session check reads, in one narrow query: the session row and its account's status and stamp.</summary>
public sealed record SessionCheck(Session Session, AccountStatus AccountStatus, string SecurityStamp);
