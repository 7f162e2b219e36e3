namespace Ent77.Application.Accounts.Common;

/// <summary>What the web layer puts in a session: who, which security stamp, which roles.</summary>
public sealed record SessionTicket(Guid AccountId, string SecurityStamp, IReadOnlyList<RoleDto> Roles);

/// <summary>Outcome of a sign-in or an activation (DESIGN §4).</summary>
public enum AuthOutcome
{
    Failed,
    SignedIn,
    ActivationRequired,
}

public sealed record AuthResult(AuthOutcome Outcome, string? Identifier = null, AccountDto? Account = null, SessionTicket? Session = null)
{
    public static AuthResult Failed { get; } = new(AuthOutcome.Failed);
}
