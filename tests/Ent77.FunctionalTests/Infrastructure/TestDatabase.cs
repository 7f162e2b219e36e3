using Ent77.Infrastructure.Persistence;
using Ent77.TestSupport.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Ent77.FunctionalTests.Infrastructure;

/// <summary>
/// The database of one service under test, and its data folder (code key, mail pickup; on SQLite the database files
/// too). <c>ENT77_TEST_DATABASE=postgres</c> runs every functional test on PostgreSQL (<see cref="PostgresTestServer"/>):
/// each database is then a copy of a template migrated once per run (<c>CREATE DATABASE … TEMPLATE …</c>), dropped at
/// the end. SQLite, a fresh file in a fresh folder, is the default.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public const string SwitchVariable = "ENT77_TEST_DATABASE";

    private static readonly Lazy<string> Template = new(CreateTemplate);

    private TestDatabase(string dataDirectory, string? postgresDatabase)
    {
        DataDirectory = dataDirectory;
        PostgresDatabase = postgresDatabase;
    }

    /// <summary>Whether this run's functional tests use PostgreSQL.</summary>
    public static bool UsePostgres =>
        Environment.GetEnvironmentVariable(SwitchVariable) is { } value
        && (value.Equals("postgres", StringComparison.OrdinalIgnoreCase) || value.Equals("postgresql", StringComparison.OrdinalIgnoreCase));

    public string DataDirectory { get; }

    /// <summary>The PostgreSQL database's name, or <c>null</c> on SQLite.</summary>
    public string? PostgresDatabase { get; }

    public bool IsPostgres => PostgresDatabase is not null;

    /// <summary>The settings that point a service at this database.</summary>
    public IDictionary<string, string?> Settings => IsPostgres
        ? new Dictionary<string, string?>
        {
            ["Data:Directory"] = DataDirectory,
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Ent77"] = PostgresTestServer.ConnectionStringFor(PostgresDatabase!),
        }
        : new Dictionary<string, string?>
        {
            ["Data:Directory"] = DataDirectory,
            ["Database:Provider"] = "Sqlite",
        };

    /// <summary>A fresh database of the kind this run uses.</summary>
    public static TestDatabase Create()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ent77-tests", Guid.NewGuid().ToString("N"));
        if (!UsePostgres)
        {
            return new TestDatabase(folder, null);
        }

        if (PostgresTestServer.Unavailable is { } reason)
        {
            throw new InvalidOperationException($"{SwitchVariable}=postgres but {reason}");
        }

        var name = PostgresTestServer.NewDatabaseName("db");
        PostgresTestServer.CreateDatabase(name, Template.Value);
        return new TestDatabase(folder, name);
    }

    /// <summary>One value read straight from the database, as an operator would (double-quoted names suit both providers).</summary>
    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs one statement straight on the database, as an operator would; returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    }

    private async Task<System.Data.Common.DbConnection> OpenAsync()
    {
        System.Data.Common.DbConnection connection = IsPostgres
            ? new Npgsql.NpgsqlConnection(PostgresTestServer.ConnectionStringFor(PostgresDatabase!, pooling: false))
            : new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(DataDirectory, "ent77.db")};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    public void Dispose()
    {
        if (IsPostgres)
        {
            PostgresTestServer.DropDatabase(PostgresDatabase!);
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        try
        {
            if (Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: the temporary folder is cleaned by the system otherwise.
        }
    }

    /// <summary>Migrated once per run by the service's own initialiser (schema, job tables, first terms of use).</summary>
    private static string CreateTemplate()
    {
        var name = PostgresTestServer.NewDatabaseName("template");
        var options = new DbContextOptionsBuilder<PostgreSqlEnt77DbContext>()
            .UseNpgsql(PostgresTestServer.ConnectionStringFor(name, pooling: false))
            .Options;
        using (var db = new PostgreSqlEnt77DbContext(options))
        {
            // The terms are published at the test clock's start, as a service under test would publish them.
            new DatabaseInitializer(db, new FakeTimeProvider(Ent77Factory.Start), NullLogger<DatabaseInitializer>.Instance)
                .InitializeAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        AppDomain.CurrentDomain.ProcessExit += (_, _) => PostgresTestServer.DropDatabase(name);
        return name;
    }
}
