namespace Ent77.Domain.Accounts;

public enum SignInResult
{
    /// <summary>Wrong secret, locked, blocked, or anything else: one answer for all (no enumeration).</summary>
    Failed,

    /// <summary>The right personal password of an active account.</summary>
    SignedIn,

    /// <summary>The live activation code of a pending account: go to the activation page.</summary>
    ActivationRequired,
}
