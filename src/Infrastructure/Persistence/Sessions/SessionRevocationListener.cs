using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Ent77.Infrastructure.Persistence.Sessions;

/// <summary>
/// One per instance on PostgreSQL: a dedicated connection (not from the pool, application name
/// <c>&lt;name&gt;:sessions</c>) that <c>LISTEN</c>s on <see cref="Channel"/>, where the database's triggers
/// (<c>SessionRevocationTriggers</c>, created by the PostgreSQL <c>Initial</c> migration) notify every session row deleted and every account whose security
/// stamp or status changed, in the transaction that does it. Each notification drops what it names from
/// <see cref="SessionCheckCache"/>. The cache is on only while this connection listens: it is turned off the moment the
/// connection fails (the database restarted, the backend was terminated, the network broke: keep-alives every few
/// seconds find a silent break) and on again, empty, once it listens again; it reconnects with a growing delay.
/// </summary>
public sealed partial class SessionRevocationListener(
    SessionCheckCache cache, IServiceProvider services, IConfiguration configuration, IOptions<SessionCacheOptions> options, ILogger<SessionRevocationListener> logger)
    : BackgroundService
{
    public const string Channel = "ent77_sessions";
    public const string ApplicationNameSuffix = ":sessions";
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!SessionCacheServiceCollectionExtensions.Cached(services))
        {
            return; // no cache: nothing to listen for
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgreSqlDatabase.ConnectionString(configuration));
        builder.ApplicationName = (builder.ApplicationName ?? "ent77") + ApplicationNameSuffix;
        builder.Pooling = false;
        builder.Enlist = false;
        builder.KeepAlive = 5;
        var delay = FirstRetryDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                connection.Notification += (_, e) => cache.Revoke(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                cache.Enable();
                delay = FirstRetryDelay;
                LogListening(logger);
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is NpgsqlException or IOException or InvalidOperationException or TimeoutException)
            {
                cache.Disable();
                LogLost(logger, delay, e);
            }
            finally
            {
                cache.Disable();
            }

            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.Value.ListenerMaxRetryDelay.Ticks));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session revocations: listening; the session cache is on.")]
    private static partial void LogListening(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session revocations: connection lost; the session cache is off until it is back (next attempt in {Delay}).")]
    private static partial void LogLost(ILogger logger, TimeSpan delay, Exception exception);
}
