using System.Globalization;
using System.Threading.RateLimiting;
using Ent77.WebApi.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Ent77.WebApi.Security;

/// <summary>Per-IP fixed windows for the anonymous endpoints (<c>RateLimits:*</c>); over the limit → 429 with Retry-After.</summary>
public static class RateLimiting
{
    public const string Auth = "auth";
    public const string Recovery = "recovery";
    public const string Help = "help";

    public static IServiceCollection AddEnt77RateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Auth, context => PerIp(context, o => o.Auth));
            options.AddPolicy(Recovery, context => PerIp(context, o => o.Recovery));
            options.AddPolicy(Help, context => PerIp(context, o => o.Help));
            options.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Trop de tentatives.",
                        Detail = "Trop de demandes depuis votre connexion. Patientez un peu avant de réessayer.",
                    },
                });
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerIp(HttpContext context, Func<RateLimitOptions, RateLimitRule> pick)
    {
        var rule = pick(context.RequestServices.GetRequiredService<IOptionsMonitor<RateLimitOptions>>().CurrentValue);
        var ip = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(ip, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, rule.PermitLimit),
            Window = rule.Window,
            QueueLimit = 0,
        });
    }
}
