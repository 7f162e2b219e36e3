using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Ent77.Infrastructure.Persistence;

/// <summary>
/// What the PostgreSQL provider needs besides EF Core (docs/OPERATIONS.md "PostgreSQL"): the connection string read
/// and checked once, the database created when the role may, and one initialiser at a time when several instances
/// start together.
/// </summary>
public static class PostgreSqlDatabase
{
    /// <summary>Hangfire's tables live in their own schema, beside the application's (<c>public</c>).</summary>
    public const string JobSchema = "hangfire";

    private const string Setting = "ConnectionStrings:" + DependencyInjection.ConnectionStringName;

    /// <summary>Any key will do as long as every instance uses the same one: "ENT77" in ASCII.</summary>
    private const long InitializationLockKey = 0x454E543737;

    /// <summary>The connection string, checked: a missing or malformed one is a clear error naming the setting.</summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration.GetConnectionString(DependencyInjection.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DatabaseUnavailableException(
                $"Database:Provider vaut PostgreSql mais {Setting} n’est pas défini (variable d’environnement ConnectionStrings__Ent77, "
                + "par exemple « Host=127.0.0.1;Port=5432;Database=ent77;Username=ent77;Password=… »).");
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(value);
        }
        catch (ArgumentException e)
        {
            throw new DatabaseUnavailableException($"{Setting} n’est pas une chaîne de connexion PostgreSQL valide : {e.Message}", e);
        }

        return value;
    }

    /// <summary>
    /// Creates the database when it does not exist (and the role may), then takes a lock that one initialiser holds at
    /// a time: instances started together migrate, install the job tables and seed one after the other.
    /// Dispose the result to release the lock.
    /// </summary>
    public static async Task<IAsyncDisposable> PrepareForInitializationAsync(Ent77DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var connectionString = db.Database.GetConnectionString()!;
        try
        {
            var creator = db.GetService<IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(cancellationToken))
            {
                try
                {
                    await creator.CreateAsync(cancellationToken);
                }
                catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
                {
                    // Another instance created it a moment ago.
                }
            }

            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
            var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
            {
                command.Parameters.AddWithValue("key", InitializationLockKey);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection; // closing this session releases its advisory lock
        }
        catch (Exception e) when (Unreachable(connectionString, e) is { } unavailable)
        {
            throw unavailable;
        }
    }

    /// <summary>Hangfire's tables in <see cref="JobSchema"/> (created or upgraded; call under the initialisation lock).</summary>
    public static void InstallJobStorage(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        Hangfire.PostgreSql.PostgreSqlObjectsInstaller.Install(connection, JobSchema);
    }

    /// <summary>
    /// A failure to reach or use the database at all, told in the words of the setting to fix; <c>null</c> for any other
    /// failure.
    /// </summary>
    public static DatabaseUnavailableException? Unreachable(string connectionString, Exception exception)
    {
        var where = Describe(connectionString);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } refused:
                    return new DatabaseUnavailableException(
                        $"Le serveur PostgreSQL ({where}) refuse la connexion : {refused.MessageText}. Vérifiez le rôle et le mot de passe de {Setting}.", exception);
                case PostgresException { SqlState: PostgresErrorCodes.InsufficientPrivilege } denied:
                    return new DatabaseUnavailableException(
                        $"La base PostgreSQL ({where}) n’existe pas et le rôle ne peut pas la créer ({denied.MessageText}) : créez-la "
                        + $"(CREATE DATABASE … OWNER …) ou donnez le droit CREATEDB au rôle de {Setting}.", exception);
                case PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } missing:
                    return new DatabaseUnavailableException(
                        $"La base PostgreSQL ({where}) n’existe pas : {missing.MessageText}. Vérifiez {Setting}.", exception);
                case PostgresException:
                    return null;
                case NpgsqlException or System.Net.Sockets.SocketException or TimeoutException:
                    return new DatabaseUnavailableException(
                        $"Le serveur PostgreSQL ({where}) ne répond pas : {e.Message}. Vérifiez {Setting} et que le serveur est démarré.", exception);
            }
        }

        return null;
    }

    /// <summary>Where the connection string points, without its password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host ?? "?"}:{builder.Port}, base « {builder.Database ?? builder.Username ?? "?"} », rôle « {builder.Username ?? "?"} »";
    }
}
