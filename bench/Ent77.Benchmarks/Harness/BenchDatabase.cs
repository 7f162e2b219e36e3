using Npgsql;

namespace Ent77.Benchmarks.Harness;

/// <summary>
/// Which database the benchmarks run the service on: the embedded SQLite (default) or PostgreSQL with
/// <c>--database postgres</c>, on the server of <c>ENT77_BENCH_POSTGRES</c> (else <c>ENT77_TEST_POSTGRES</c>, else the
/// local role <c>ent77</c>): each service then gets a database of its own, created by the service's own start-up and
/// dropped afterwards.
/// </summary>
internal static class BenchDatabase
{
    public const string Option = "--database";

    public static bool Postgres { get; private set; }

    public static string Name => Postgres ? "postgres" : "sqlite";

    private static string Server =>
        Environment.GetEnvironmentVariable("ENT77_BENCH_POSTGRES") is { Length: > 0 } bench ? bench
        : Environment.GetEnvironmentVariable("ENT77_TEST_POSTGRES") is { Length: > 0 } test ? test
        : "Host=127.0.0.1;Port=5432;Username=ent77;Password=ent77";

    /// <summary>Takes <c>--database sqlite|postgres</c> out of the arguments.</summary>
    public static string[] Parse(string[] args)
    {
        var index = Array.IndexOf(args, Option);
        if (index < 0)
        {
            return args;
        }

        var value = index + 1 < args.Length ? args[index + 1] : string.Empty;
        Postgres = value.ToLowerInvariant() switch
        {
            "postgres" or "postgresql" => true,
            "sqlite" => false,
            _ => throw new ArgumentException($"Unknown database '{value}': use sqlite or postgres."),
        };
        return [.. args.Take(index), .. args.Skip(index + 2)];
    }

    /// <summary>The arguments a child process needs to use the same database.</summary>
    public static string[] ChildArguments => Postgres ? [Option, "postgres"] : [];

    /// <summary>The settings of a new service's database (none on SQLite: its files go in the data folder).</summary>
    public static Dictionary<string, string?> NewDatabase()
    {
        if (!Postgres)
        {
            return [];
        }

        var builder = new NpgsqlConnectionStringBuilder(Server) { Database = $"ent77_bench_{Guid.NewGuid():N}" };
        return new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:Ent77"] = builder.ConnectionString,
        };
    }

    /// <summary>Drops a service's PostgreSQL database (nothing to do on SQLite).</summary>
    public static void Drop(IReadOnlyDictionary<string, string?> settings)
    {
        if (!Postgres || settings.GetValueOrDefault("ConnectionStrings:Ent77") is not { } connectionString)
        {
            return;
        }

        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}
