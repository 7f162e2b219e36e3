using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace Ent77.Infrastructure.Persistence;

/// <summary>Tells a database that is busy or out of reach for a moment (worth a 503 and a retry) from a bug.</summary>
public static class StorageFailures
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

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
