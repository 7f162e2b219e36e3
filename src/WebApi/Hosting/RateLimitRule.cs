namespace Ent77.WebApi.Hosting;

/// <summary>One per-IP fixed-window limit (<c>RateLimits:Auth</c>, <c>:Recovery</c>, <c>:Help</c>).</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
