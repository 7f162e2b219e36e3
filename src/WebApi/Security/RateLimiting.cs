using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Ent77.WebApi.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Ent77.WebApi.Security;

/// <summary>
/// Per-IP fixed windows for the anonymous endpoints (<c>RateLimits:*</c>); over the limit → 429 with Retry-After. An IPv4
/// client is counted by its address, an IPv6 client by its /64 (one household or one device: it can take any address of
/// its prefix). A request with no remote address is refused, never pooled with others under one shared budget.
/// </summary>
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
        if (ClientKey(context.Connection.RemoteIpAddress) is not { } client)
        {
            // Refused: a shared "unknown" budget would let one client exhaust it for every other one without an address.
            return RateLimitPartition.Get(string.Empty, _ => new RefuseAll());
        }

        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, rule.PermitLimit),
            Window = rule.Window,
            QueueLimit = 0,
        });
    }

    /// <summary>The budget a client address counts against: the IPv4 address itself, or the /64 prefix of an IPv6 one.</summary>
    public static string? ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    /// <summary>A limiter that grants nothing: the answer to a request whose client address is unknown.</summary>
    private sealed class RefuseAll : RateLimiter
    {
        public override TimeSpan? IdleDuration => null;

        public override RateLimiterStatistics? GetStatistics() => null;

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => Refused.Instance;

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            ValueTask.FromResult<RateLimitLease>(Refused.Instance);

        private sealed class Refused : RateLimitLease
        {
            public static readonly Refused Instance = new();

            public override bool IsAcquired => false;

            public override IEnumerable<string> MetadataNames => [];

            public override bool TryGetMetadata(string metadataName, out object? metadata)
            {
                metadata = null;
                return false;
            }
        }
    }
}
