using System.Data.Common;
using Npgsql;

namespace Ent77.Infrastructure.Persistence;

/// <summary>
/// The service's own PostgreSQL connections (EF Core), tuned for many short queries (docs/PERFORMANCE.md "Session
/// check"): a connection given back to Npgsql's pool is not reset (<c>No Reset On Close</c>: EF Core leaves no session
/// state behind, and the reset otherwise costs the server a <c>DISCARD ALL</c> per reuse and drops the prepared
/// statements), and the statements run most are prepared once per connection (<c>Max Auto Prepare</c>). A value the
/// operator wrote in the connection string wins. The job storage and the revocation listener keep the string as given.
/// </summary>
public static class PostgreSqlConnectionTuning
{
    public const int AutoPrepared = 32;

    public static string ForApplication(string connectionString)
    {
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var tuned = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("No Reset On Close") && !given.ContainsKey("NoResetOnClose"))
        {
            tuned.NoResetOnClose = true;
        }

        if (!given.ContainsKey("Max Auto Prepare") && !given.ContainsKey("MaxAutoPrepare"))
        {
            tuned.MaxAutoPrepare = AutoPrepared;
        }

        return tuned.ConnectionString;
    }
}
