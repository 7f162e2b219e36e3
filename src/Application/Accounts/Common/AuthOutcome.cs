namespace Ent77.Application.Accounts.Common;

/// <summary>Outcome of a sign-in or an activation (docs/API.md).</summary>
public enum AuthOutcome
{
    Failed,
    SignedIn,
    ActivationRequired,
}
