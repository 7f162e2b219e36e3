using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Ent77.Infrastructure.Persistence;

/// <summary>Tells a database that is busy or out of reach for a moment (worth a 503 and a retry) from a bug.</summary>
public static class StorageFailures
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    /// <summary>
    /// A unique index refused a row another request wrote first (two imports giving out the same identifier at
    /// the same moment): nothing was written, and the same request can simply be sent again.
    /// </summary>
    public static bool IsUniqueViolation(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 }:
                case Microsoft.Data.SqlClient.SqlException { Number: 2601 or 2627 }:
                case PostgresException { SqlState: PostgresErrorCodes.UniqueViolation }:
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The database gave up one of two transactions that got in each other's way (a serialization failure or a
    /// deadlock): nothing of it was written, and it is judged again like an optimistic concurrency conflict.
    /// </summary>
    public static bool IsSerializationFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }:
                case Microsoft.Data.SqlClient.SqlException { Number: 1205 }:
                    return true;
            }
        }

        return false;
    }

    public static bool IsTemporarilyUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked }:
                case RetryLimitExceededException:
                case DbException { IsTransient: true }:
                case TimeoutException:
                    return true;
            }
        }

        return false;
    }
}
