using System.Reflection;
using Ent77.Domain.Terms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace Ent77.Infrastructure.Persistence;

/// <summary>
/// Applies the provider's migrations (on PostgreSQL: creates the database when the role may, and installs the job
/// tables too) and publishes the first terms of use when there are none.
/// </summary>
public sealed partial class DatabaseInitializer(Ent77DbContext db, TimeProvider time, ILogger<DatabaseInitializer> logger)
{
    public const string InitialTermsVersion = "2026-09";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            // Several instances may start at once: they create the database if need be, then migrate, install the job
            // tables and seed one at a time.
            await using var initializing = await PostgreSqlDatabase.PrepareForInitializationAsync(db, cancellationToken);

            // The provider reads the migrations history before it creates it, and logs that failed read as an error on a
            // new database (npgsql/efcore.pg#3407): create it first, with the provider's own script, so no false error.
            await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
            await SeedAsync(cancellationToken);
            PostgreSqlDatabase.InstallJobStorage(db.Database.GetConnectionString()!);
            LogReady(logger, db.Database.ProviderName ?? "?");
            return;
        }

        if (db.Database.IsSqlite())
        {
            var dataSource = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging: readers never wait for the writer, and several processes can share the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await SeedAsync(cancellationToken);
        LogReady(logger, db.Database.ProviderName ?? "?");
    }

    private async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (!await db.Terms.AnyAsync(cancellationToken))
        {
            db.Terms.Add(TermsOfUse.Publish(InitialTermsVersion, "Conditions générales d’utilisation de l’ENT 77", ReadSeed("cgu-2026-09.md"), time.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    private static string ReadSeed(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Ent77.Infrastructure.Seed.{name}")
            ?? throw new InvalidOperationException($"Seed {name} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider})")]
    private static partial void LogReady(ILogger logger, string provider);
}
