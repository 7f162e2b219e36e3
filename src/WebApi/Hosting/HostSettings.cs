namespace Ent77.WebApi.Hosting;

/// <summary>One per-IP fixed-window limit (<c>RateLimits:Auth</c>, <c>:Recovery</c>, <c>:Help</c>).</summary>
public sealed class RateLimitRule
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public RateLimitRule Auth { get; set; } = new() { PermitLimit = 20 };

    public RateLimitRule Recovery { get; set; } = new() { PermitLimit = 10 };

    public RateLimitRule Help { get; set; } = new() { PermitLimit = 5 };
}

/// <summary>Refuses to start a production service that lacks a key it cannot do without.</summary>
public static class StartupChecks
{
    public static void EnsureProductionSettings(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction())
        {
            return;
        }

        string[] required = ["Security:CodeKey", "App:PublicBaseUrl"];
        var missing = required.Where(key => string.IsNullOrWhiteSpace(configuration[key])).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Configuration incomplète pour la production : {string.Join(", ", missing)} manquant(s). "
                + "Définissez-les (variables d'environnement avec __, par exemple Security__CodeKey).");
        }
    }
}
