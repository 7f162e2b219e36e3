namespace Ent77.Domain.Accounts;

public enum PasswordResetOutcome
{
    /// <summary>The password was changed; every session and every other reset secret is dead.</summary>
    Reset,

    /// <summary>Unknown, expired, used or revoked secret (or a wrong SMS code, which is counted).</summary>
    InvalidSecret,
}
