namespace Ent77.Domain.Accounts;

/// <summary>docs/DOMAIN.md "Lockout": <see cref="MaxFailures"/> consecutive failures lock for <see cref="Duration"/>.</summary>
public sealed record LockoutPolicy(int MaxFailures, TimeSpan Duration)
{
    public static LockoutPolicy Default { get; } = new(5, TimeSpan.FromMinutes(15));
}
