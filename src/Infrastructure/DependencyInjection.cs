using Ent77.Application.Accounts;
using Ent77.Application.Common.Ports;
using Ent77.Application.Establishments;
using Ent77.Application.Terms;
using Ent77.Application.Notifications;
using Ent77.Infrastructure.Administration.SchoolExports;
using Ent77.Infrastructure.Jobs;
using Ent77.Infrastructure.Notifications;
using Ent77.Infrastructure.Persistence;
using Ent77.Infrastructure.Persistence.Repositories;
using Ent77.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using IDomainPasswordHasher = Ent77.Domain.Accounts.IPasswordHasher;

namespace Ent77.Infrastructure;

public static class DependencyInjection
{
    public const string ConnectionStringName = "Ent77";

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<DatabaseOptions>(configuration.GetSection(DatabaseOptions.Section));
        services.Configure<DataOptions>(configuration.GetSection(DataOptions.Section));
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));
        services.Configure<AppOptions>(configuration.GetSection(AppOptions.Section));
        services.Configure<SmtpOptions>(configuration.GetSection(SmtpOptions.Section));
        services.Configure<SmsOptions>(configuration.GetSection(SmsOptions.Section));
        services.Configure<JobsOptions>(configuration.GetSection(JobsOptions.Section));
        services.TryAddSingleton(TimeProvider.System);

        AddPersistence(services, configuration);

        services.Configure<PasswordHashingOptions>(configuration.GetSection(PasswordHashingOptions.Section));
        services.AddSingleton<Pbkdf2PasswordHasher>();
        services.AddSingleton<PasswordHashingGate>();
        services.AddSingleton<Application.Common.Ports.IPasswordHashingGate>(sp => sp.GetRequiredService<PasswordHashingGate>());
        services.AddSingleton<IDomainPasswordHasher, AdmittedPasswordHasher>();
        services.AddSingleton(sp => LoadCodeKey(sp.GetRequiredService<IOptions<SecurityOptions>>().Value, sp.GetRequiredService<IOptions<DataOptions>>().Value, environment));
        services.AddSingleton<IActivationCodeHasher, HmacActivationCodeHasher>();
        services.AddSingleton<IRecoverySecrets, RecoverySecrets>();
        services.AddSingleton<Notifications.OutboxSecretProtector>();
        services.AddScoped<Application.Notifications.INotificationOutbox, Notifications.NotificationOutbox>();
        AddSenders(services);
        services.AddJobs();

        services.AddDataProtection()
            .SetApplicationName("Ent77")
            .PersistKeysToDbContext<Ent77DbContext>()
            .ProtectKeysAtRest(configuration);

        services.AddHealthChecks().AddDbContextCheck<Ent77DbContext>("database", tags: ["ready"]);
        return services;
    }

    private static void AddPersistence(IServiceCollection services, IConfiguration configuration)
    {
        // Settings are read when a context is first made, not while services are registered, so that a
        // host (or a test host) may still change them. The options are then kept for the life of the service
        // (a singleton): built per request scope they cost every request a parse of the connection string and a
        // new options object (docs/PERFORMANCE.md "Session check").
        services.AddDbContext<SqliteEnt77DbContext>((sp, options) =>
            options.UseSqlite(ConnectionString(sp) ?? $"Data Source={Path.Combine(sp.GetRequiredService<IOptions<DataOptions>>().Value.FullPath, "ent77.db")}"),
            optionsLifetime: ServiceLifetime.Singleton);
        services.AddDbContext<PostgreSqlEnt77DbContext>((sp, options) =>
            options.UseNpgsql(PostgreSqlConnectionTuning.ForApplication(PostgreSqlDatabase.ConnectionString(sp.GetRequiredService<IConfiguration>()))),
            optionsLifetime: ServiceLifetime.Singleton);
        services.AddDbContext<SqlServerEnt77DbContext>((sp, options) =>
            options.UseSqlServer(
                ConnectionString(sp) ?? throw new InvalidOperationException($"Database:Provider is SqlServer but ConnectionStrings:{ConnectionStringName} is not set."),
                sql => sql.EnableRetryOnFailure()),
            optionsLifetime: ServiceLifetime.Singleton);
        services.AddScoped<Ent77DbContext>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider switch
        {
            DatabaseProvider.SqlServer => sp.GetRequiredService<SqlServerEnt77DbContext>(),
            DatabaseProvider.PostgreSql => sp.GetRequiredService<PostgreSqlEnt77DbContext>(),
            _ => sp.GetRequiredService<SqliteEnt77DbContext>(),
        });

        services.AddSingleton<Observability.Ent77Metrics>();
        services.AddSingleton<SqliteWriteGate>();
        services.AddScoped<IAccountRepository, AccountRepository>();
        services.AddScoped<Application.Accounts.Sessions.ISessionRepository, SessionRepository>();
        Persistence.Sessions.SessionCacheServiceCollectionExtensions.AddSessionChecks(services, configuration);
        services.AddScoped<Accounts.SessionPurgeJob>();
        services.AddScoped<IEstablishmentRepository, EstablishmentRepository>();
        services.AddScoped<ITermsRepository, TermsRepository>();
        services.AddScoped<IAuditLog, AuditLog>();
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<Application.Administration.IAdministrationQueries, Persistence.Queries.AdministrationQueries>();
        services.AddScoped<Application.Support.IHelpRequestRepository, HelpRequestRepository>();
        services.AddScoped<Application.Support.ISupportQueries, Persistence.Queries.SupportQueries>();
        services.Configure<Support.SupportOptions>(configuration.GetSection(Support.SupportOptions.Section));
        services.AddScoped<Support.HelpRequestPurgeJob>();
        services.Configure<Administration.RosterOptions>(configuration.GetSection(Administration.RosterOptions.Section));
        services.AddSingleton<Application.Administration.IRosterReader, Administration.CsvRosterReader>();
        services.AddSchoolExportReader(configuration);
        services.AddSingleton<Application.Administration.ICodeCsvWriter, Administration.CodeCsvWriter>();
        services.AddSingleton<Application.Administration.IActivationLetterPrinter, Administration.ActivationLetterPrinter>();
    }

    private static void AddSenders(IServiceCollection services)
    {
        services.AddSingleton<MessageRenderers>();
        services.AddSingleton<IEmailSender>(sp =>
        {
            var smtp = sp.GetRequiredService<IOptions<SmtpOptions>>().Value;
            return string.IsNullOrWhiteSpace(smtp.Host)
                ? new PickupFolderEmailSender(smtp.PickupDirectory ?? Path.Combine(sp.GetRequiredService<IOptions<DataOptions>>().Value.FullPath, "mail"))
                : new SmtpEmailSender(sp.GetRequiredService<IOptions<SmtpOptions>>());
        });
        services.AddHttpClient<HttpSmsSender>(client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<FileSmsSender>(sp => new FileSmsSender(Path.Combine(sp.GetRequiredService<IOptions<DataOptions>>().Value.FullPath, "sms")));
        services.AddTransient<ISmsSender>(sp => string.Equals(sp.GetRequiredService<IOptions<SmsOptions>>().Value.Provider, "Http", StringComparison.OrdinalIgnoreCase)
            ? sp.GetRequiredService<HttpSmsSender>()
            : sp.GetRequiredService<FileSmsSender>());
    }

    private static string? ConnectionString(IServiceProvider services) =>
        services.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName) is { Length: > 0 } value ? value : null;

    private static CodeKey LoadCodeKey(SecurityOptions security, DataOptions data, IHostEnvironment environment)
    {
        if (!string.IsNullOrWhiteSpace(security.CodeKey))
        {
            return CodeKey.FromBase64(security.CodeKey);
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException("Security:CodeKey is required in Production (base64, at least 32 bytes).");
        }

        return CodeKey.FromFile(Path.Combine(data.FullPath, "keys", "activation-code.key"));
    }
}
