using Ent77.Infrastructure.Observability;
using OpenTelemetry.Metrics;

namespace Ent77.WebApi.Hosting;

/// <summary>
/// <c>GET /metrics</c> in the Prometheus text format (OpenTelemetry), only when <c>Metrics:Enabled=true</c>: the HTTP
/// server's metrics and the product's own (<see cref="Ent77Metrics"/>). It has no authentication: the reverse proxy
/// must never route it (docs/OPERATIONS.md "Metrics").
/// </summary>
public static class Metrics
{
    public const string Path = "/metrics";

    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("Metrics:Enabled", false);

    public static IServiceCollection AddEnt77Metrics(this IServiceCollection services, IConfiguration configuration)
    {
        if (Enabled(configuration))
        {
            services.AddOpenTelemetry().WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddMeter(Ent77Metrics.MeterName)
                // Each scrape is computed afresh (the gauges' queries are small; Prometheus scrapes every 15 s or more).
                .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        }

        return services;
    }

    public static IEndpointRouteBuilder MapEnt77Metrics(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (Enabled(configuration))
        {
            endpoints.MapPrometheusScrapingEndpoint(Path).AllowAnonymous().ExcludeFromDescription();
        }

        return endpoints;
    }
}
