using Ent77.Application.Accounts.Sessions;
using Hangfire;

namespace Ent77.Infrastructure.Accounts;

/// <summary>Deletes the sessions that have ended (idle, past their limit): they are refused anyway, this keeps the table small.</summary>
public sealed class SessionPurgeJob(ISessionRepository sessions, Persistence.SqliteWriteGate writeGate, Persistence.Ent77DbContext db, TimeProvider time)
{
    public const string RecurringJobId = "sessions-purge";

    /// <summary>Every hour, at 11 minutes past.</summary>
    public const string Cron = "11 * * * *";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(600)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var writing = await writeGate.EnterAsync(db, cancellationToken);
        return await sessions.PurgeExpiredAsync(time.GetUtcNow(), cancellationToken);
    }
}
