using Ent77.Domain.Accounts;

namespace Ent77.Application.Common;

/// <summary>The account rules' numbers (docs/DOMAIN.md "Schools"), bound from configuration by the host.</summary>
public sealed class AccountRulesOptions
{
    /// <summary>How long a newly issued activation code lives (90 days by default).</summary>
    public TimeSpan ActivationCodeValidity { get; set; } = TimeSpan.FromDays(90);

    public int LockoutMaxFailures { get; set; } = LockoutPolicy.Default.MaxFailures;

    public TimeSpan LockoutDuration { get; set; } = LockoutPolicy.Default.Duration;

    public LockoutPolicy Lockout => new(LockoutMaxFailures, LockoutDuration);
}
