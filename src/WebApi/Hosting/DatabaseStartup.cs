using Ent77.Infrastructure;
using Ent77.Infrastructure.Persistence;
using Ent77.WebApi.Development;

namespace Ent77.WebApi.Hosting;

/// <summary>
/// Before the server takes any request: migrates the database (SQLite, or PostgreSQL, whose instances take turns;
/// SQL Server is migrated by the <c>migrate</c> command) and, in Development, seeds the demo data once.
/// A database out of reach stops the start with a message naming <c>ConnectionStrings:Ent77</c>.
/// </summary>
internal sealed class DatabaseStartup(IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        if (configuration.GetValue("Database:Provider", DatabaseProvider.Sqlite) != DatabaseProvider.SqlServer)
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        }

        Infrastructure.Jobs.JobsSetup.RegisterRecurringJobs(scope.ServiceProvider);
        if (environment.IsDevelopment() && configuration.GetValue("Demo:Seed", true))
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(Console.Out, cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
