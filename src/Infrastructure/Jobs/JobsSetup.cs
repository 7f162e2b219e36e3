using Ent77.Infrastructure.Notifications;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ent77.Infrastructure.Jobs;

/// <summary>
/// Hangfire with its storage beside the data: a SQLite file in the data folder by default, the same database
/// otherwise (schema <c>hangfire</c> on PostgreSQL, <c>HangFire</c> on SQL Server). Storage and activator are this container's own (never
/// Hangfire's global ones), so two hosts in one process never run each other's jobs.
/// </summary>
public static class JobsSetup
{
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddSingleton<JobStorage>(sp =>
        {
            var jobs = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            var provider = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider;
            if (provider == DatabaseProvider.PostgreSql)
            {
                // Its tables are installed by the database initialiser (start-up or `migrate`), one instance at a time.
                // A job fetched by an instance that dies comes back after the invisibility timeout; the timeout slides
                // while a job runs, so it can stay short without a long job being taken twice.
                var options = new PostgreSqlStorageOptions
                {
                    SchemaName = Persistence.PostgreSqlDatabase.JobSchema,
                    PrepareSchemaIfNecessary = false,
                    QueuePollInterval = jobs.PollInterval,
                    UseSlidingInvisibilityTimeout = true,
                    InvisibilityTimeout = TimeSpan.FromMinutes(5),
                };
                return new PostgreSqlStorage(
                    new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(Persistence.PostgreSqlDatabase.ConnectionString(sp.GetRequiredService<IConfiguration>()), options),
                    options);
            }

            if (provider == DatabaseProvider.SqlServer)
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
        services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<Accounts.SessionPurgeJob>(
            Accounts.SessionPurgeJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Accounts.SessionPurgeJob.Cron);
        services.GetRequiredService<IBackgroundJobClient>().Enqueue<NotificationSweepJob>(job => job.RunAsync(CancellationToken.None));
    }
}
