namespace Ent77.Domain.Accounts;

/// <summary>
/// The limits of a session (docs/SECURITY.md "Sessions"): a browser session ends after <see cref="IdleTimeout"/>
/// without a request and at the latest <see cref="AbsoluteTimeout"/> after sign-in; a remembered one
/// (« Se souvenir de moi ») <see cref="RememberMeLifetime"/> after sign-in. Activity is written down at most once per
/// <see cref="ActivityResolution"/>, so a session is not a write per request.
/// </summary>
public sealed record SessionPolicy(TimeSpan IdleTimeout, TimeSpan AbsoluteTimeout, TimeSpan RememberMeLifetime, TimeSpan ActivityResolution)
{
    public static SessionPolicy Default { get; } = new(TimeSpan.FromMinutes(30), TimeSpan.FromHours(12), TimeSpan.FromDays(30), TimeSpan.FromMinutes(1));
}
