namespace Ent77.WebApi.Hosting;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public RateLimitRule Auth { get; set; } = new() { PermitLimit = 20 };

    public RateLimitRule Recovery { get; set; } = new() { PermitLimit = 10 };

    public RateLimitRule Help { get; set; } = new() { PermitLimit = 5 };
}
