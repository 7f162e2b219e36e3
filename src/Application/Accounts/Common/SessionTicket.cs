namespace Ent77.Application.Accounts.Common;

/// <summary>
/// What the web layer puts in the session cookie: which server-side session, whose, which security stamp, whether it
/// is remembered (decided by the server: never for an administrator), which roles.
/// </summary>
public sealed record SessionTicket(Guid AccountId, Guid SessionId, string SecurityStamp, bool RememberMe, IReadOnlyList<RoleDto> Roles);
