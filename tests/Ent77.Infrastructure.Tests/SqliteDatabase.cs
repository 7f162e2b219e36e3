using Ent77.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Ent77.Infrastructure.Tests;

/// <summary>A real SQLite file in a temporary folder, migrated like the service does at start-up.</summary>
public sealed class SqliteDatabase : IAsyncDisposable
{
    private SqliteDatabase(string folder) => Folder = folder;

    public string Folder { get; }

    public string ConnectionString => $"Data Source={Path.Combine(Folder, "ent77.db")}";

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));

    public static async Task<SqliteDatabase> CreateAsync()
    {
        var database = new SqliteDatabase(Path.Combine(Path.GetTempPath(), "ent77-db-" + Guid.NewGuid().ToString("N")));
        await using var context = database.NewContext();
        await new DatabaseInitializer(context, database.Time, NullLogger<DatabaseInitializer>.Instance).InitializeAsync(default);
        return database;
    }

    /// <summary>Enqueues nothing: these tests look at the database, not at the job server.</summary>
    public Hangfire.IBackgroundJobClient Jobs { get; } = NSubstitute.Substitute.For<Hangfire.IBackgroundJobClient>();

    /// <summary>Events published to nobody: these tests look at what is stored, not at what the service's handlers add.</summary>
    public Mediator.IPublisher Events { get; } = NSubstitute.Substitute.For<Mediator.IPublisher>();

    /// <summary>The service's unit of work on <paramref name="context"/>: its own write gate, no metrics.</summary>
    internal UnitOfWork UnitOfWork(Ent77DbContext context) =>
        new(context, new SqliteWriteGate(), Events, new Ent77.Infrastructure.Notifications.OutboxDispatcher(Jobs, NullLogger<Ent77.Infrastructure.Notifications.OutboxDispatcher>.Instance),
            new Ent77.Infrastructure.Persistence.Sessions.SessionCheckCache(Microsoft.Extensions.Options.Options.Create(new Ent77.Infrastructure.Persistence.Sessions.SessionCacheOptions()), TimeProvider.System), metrics: null);

    public SqliteEnt77DbContext NewContext() =>
        new(new DbContextOptionsBuilder<SqliteEnt77DbContext>().UseSqlite(ConnectionString).Options);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
