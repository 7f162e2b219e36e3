namespace Ent77.Infrastructure.Persistence;

/// <summary>
/// SQLite lets one connection write at a time; a second writer gets SQLITE_BUSY, and Microsoft.Data.Sqlite then
/// retries by sleeping on its thread until the lock frees. Within one process the units of work therefore queue
/// here, asynchronously, for the moment they commit: no thread sleeps, no commit waits longer than the ones before
/// it (sign-ins under load each write their audit row). Another process sharing the file still meets the busy
/// handling, as before. Not used with SQL Server, which has row locks.
/// </summary>
public sealed class SqliteWriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable?> EnterAsync(Ent77DbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!Microsoft.EntityFrameworkCore.SqliteDatabaseFacadeExtensions.IsSqlite(db.Database))
        {
            return null;
        }

        await _gate.WaitAsync(cancellationToken);
        return new Release(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
