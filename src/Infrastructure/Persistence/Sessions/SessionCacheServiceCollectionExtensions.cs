using Ent77.Application.Accounts.Sessions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ent77.Infrastructure.Persistence.Sessions;

public static class SessionCacheServiceCollectionExtensions
{
    /// <summary>
    /// The session check: on PostgreSQL, with its cache and the revocation listener (unless <c>Sessions:CacheLifetime</c>
    /// is zero); on SQLite and SQL Server, a database read at every request (docs/PERFORMANCE.md "Session check").
    /// </summary>
    public static IServiceCollection AddSessionChecks(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SessionCacheOptions>(configuration.GetSection(SessionCacheOptions.Section));
        services.AddSingleton<SessionCheckCache>();
        services.AddScoped<Repositories.SessionChecks>();
        services.AddScoped<ISessionChecks>(sp => Cached(sp)
            ? new CachedSessionChecks(sp.GetRequiredService<Repositories.SessionChecks>(), sp.GetRequiredService<SessionCheckCache>(), sp.GetRequiredService<Ent77DbContext>())
            : sp.GetRequiredService<Repositories.SessionChecks>());
        services.AddHostedService<SessionRevocationListener>();
        return services;
    }

    internal static bool Cached(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.PostgreSql
        && services.GetRequiredService<IOptions<SessionCacheOptions>>().Value.CacheLifetime > TimeSpan.Zero;
}
