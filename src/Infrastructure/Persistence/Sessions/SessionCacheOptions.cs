namespace Ent77.Infrastructure.Persistence.Sessions;

/// <summary><c>Sessions:*</c>: the session check's cache (PostgreSQL only, docs/PERFORMANCE.md "Session check").</summary>
public sealed class SessionCacheOptions
{
    public const string Section = "Sessions";

    /// <summary>How long a checked session may be answered from memory at most (default 30 s); <c>00:00:00</c> turns the cache off.</summary>
    public TimeSpan CacheLifetime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two attempts of the revocation listener to reconnect (the cache is off meanwhile).</summary>
    public TimeSpan ListenerMaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);
}
