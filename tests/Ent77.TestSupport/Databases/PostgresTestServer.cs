using System.Diagnostics;
using Npgsql;
using Xunit;

namespace Ent77.TestSupport.Databases;

/// <summary>
/// The PostgreSQL server the tests may use: <c>ENT77_TEST_POSTGRES</c> (a connection string without a database; by
/// default the local cluster's role <c>ent77</c>, as .ci/run creates it). Each test database is created here and
/// dropped at the end. Tests that need PostgreSQL skip when no server answers, unless <c>ENT77_REQUIRE_POSTGRES=1</c>
/// (CI), where they fail instead.
/// </summary>
public static class PostgresTestServer
{
    public const string ConnectionVariable = "ENT77_TEST_POSTGRES";
    public const string RequireVariable = "ENT77_REQUIRE_POSTGRES";
    public const string DefaultConnectionString = "Host=127.0.0.1;Port=5432;Username=ent77;Password=ent77";

    /// <summary>Every database a test run creates starts with this, then the run's process id.</summary>
    private const string Prefix = "ent77_test_";

    private static readonly Lazy<string?> Unavailability = new(Probe);

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value ? value : DefaultConnectionString;

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    /// <summary>Why the server cannot be used, or <c>null</c> when it answers.</summary>
    public static string? Unavailable => Unavailability.Value;

    /// <summary>Skips the calling test when no server answers (fails it instead when PostgreSQL is required).</summary>
    public static void SkipUnlessAvailable()
    {
        if (Unavailable is { } reason)
        {
            if (Required)
            {
                Assert.Fail($"PostgreSQL is required ({RequireVariable}=1) but {reason}");
            }

            Assert.Skip($"No PostgreSQL server for this test: {reason} (set {ConnectionVariable}, or {RequireVariable}=1 to fail instead).");
        }
    }

    /// <summary>A new database name, unique to this run (leftovers of dead runs are recognised by their process id).</summary>
    public static string NewDatabaseName(string kind)
    {
        var name = $"{Prefix}{Environment.ProcessId}_{kind}_{Guid.NewGuid():N}";
        return name.Length <= 63 ? name : name[..63]; // PostgreSQL's limit on names
    }

    public static string ConnectionStringFor(string database, string? applicationName = null, bool pooling = true)
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database, Pooling = pooling };
        if (applicationName is not null)
        {
            builder.ApplicationName = applicationName;
        }

        return builder.ConnectionString;
    }

    public static void CreateDatabase(string name, string? template = null) =>
        Execute($"CREATE DATABASE \"{name}\"{(template is null ? string.Empty : $" TEMPLATE \"{template}\"")}");

    /// <summary>Drops the database, ending whatever sessions it still has (a killed service's, a pool's idle ones).</summary>
    public static void DropDatabase(string name)
    {
        NpgsqlConnection.ClearPool(new NpgsqlConnection(ConnectionStringFor(name)));
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    /// <summary>Runs one statement on the server's maintenance database.</summary>
    public static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionStringFor("postgres", pooling: false));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Runs one query on <paramref name="database"/> and returns its first value.</summary>
    public static async Task<T> ScalarAsync<T>(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor(database, pooling: false));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? Probe()
    {
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionStringFor("postgres", pooling: false)) { Timeout = 5 }.ConnectionString);
            connection.Open();
            DropLeftovers(connection);
            return null;
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or TimeoutException)
        {
            return $"the server of {ConnectionVariable} ({new NpgsqlConnectionStringBuilder(ConnectionString).Host}) did not answer: {e.Message}";
        }
    }

    /// <summary>Test databases left by runs that died (their process is gone): dropped, so they never pile up.</summary>
    private static void DropLeftovers(NpgsqlConnection connection)
    {
        var names = new List<string>();
        using (var list = new NpgsqlCommand($"SELECT datname FROM pg_database WHERE datname LIKE '{Prefix}%'", connection))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            if (int.TryParse(name[Prefix.Length..].Split('_')[0], out var pid) && !IsRunning(pid))
            {
                using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
                drop.ExecuteNonQuery();
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
