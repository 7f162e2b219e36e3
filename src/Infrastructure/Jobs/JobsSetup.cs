using Ent77.Infrastructure.Notifications;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Ent77.Infrastructure.Jobs;

/// <summary>
/// Hangfire with its storage beside the data: a SQLite file in the data folder by default, SQL Server
/// storage when the database is SQL Server. Storage and activator are this container's own (never
/// Hangfire's global ones), so two hosts in one process never run each other's jobs.
/// </summary>
public static class JobsSetup
{
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobStorage>(sp =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            if (sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.SqlServer)
            {
                return new SqlServerStorage(
                    sp.GetRequiredService<IConfiguration>().GetConnectionString(DependencyInjection.ConnectionStringName),
                    new SqlServerStorageOptions { QueuePollInterval = jobs.PollInterval, PrepareSchemaIfNecessary = true });
            }

            var folder = sp.GetRequiredService<IOptions<DataOptions>>().Value.FullPath;
            Directory.CreateDirectory(folder);
            return new SQLiteStorage(Path.Combine(folder, "hangfire.db"), new SQLiteStorageOptions { QueuePollInterval = jobs.PollInterval });
        });
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, configuration) => configuration
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer((sp, server) =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            server.WorkerCount = Math.Max(1, jobs.WorkerCount);
            server.SchedulePollingInterval = jobs.PollInterval;
            server.ServerName = $"ent77-{Environment.MachineName}-{Environment.ProcessId}";
        });

        services.AddScoped<NotificationDeliveryJob>();
        services.AddScoped<NotificationSweepJob>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHealthChecks().AddCheck<JobStorageHealthCheck>("jobs", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Registers (or updates) the recurring jobs, and sweeps the outbox once now: messages committed by a
    /// process that died before enqueueing them leave as soon as a service starts again.
    /// </summary>
    public static void RegisterRecurringJobs(IServiceProvider services)
    {
        var jobs = services.GetRequiredService<IOptions<JobsOptions>>().Value;
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<NotificationSweepJob>(
            NotificationSweepJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), jobs.SweepCron);
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<Support.HelpRequestPurgeJob>(
            Support.HelpRequestPurgeJob.RecurringJobId, job => job.RunAsync(CancellationToken.None),
            services.GetRequiredService<IOptions<Support.SupportOptions>>().Value.PurgeCron);
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<NotificationSweepJob>(job => job.RunAsync(CancellationToken.None));
    }
}

/// <summary>Ready when the job storage answers.</summary>
public sealed class JobStorageHealthCheck(JobStorage storage) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = storage.GetConnection();
            connection.GetAllItemsFromSet("recurring-jobs");
            return Task.FromResult(HealthCheckResult.Healthy());
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("La file de tâches ne répond pas.", e));
        }
    }
}
