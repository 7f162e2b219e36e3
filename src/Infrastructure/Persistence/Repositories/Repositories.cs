using Ent77.Application.Accounts;
using Ent77.Application.Common.Exceptions;
using Ent77.Application.Common.Ports;
using Ent77.Application.Establishments;
using Ent77.Application.Terms;
using Ent77.Domain.Accounts;
using Ent77.Domain.Auditing;
using Ent77.Domain.Establishments;
using Ent77.Domain.Terms;
using Microsoft.EntityFrameworkCore;

namespace Ent77.Infrastructure.Persistence.Repositories;

internal sealed class AccountRepository(Ent77DbContext db, SessionStateCache sessions) : IAccountRepository
{
    /// <summary>Outside a container (tests): a cache of its own.</summary>
    public AccountRepository(Ent77DbContext db)
        : this(db, new SessionStateCache(TimeProvider.System))
    {
    }

    private IQueryable<Account> Aggregates => db.Accounts.Include(a => a.ActivationCodes).Include(a => a.ResetRequests).AsSplitQuery();

    public Task<Account?> FindByIdentifierAsync(Identifier identifier, CancellationToken cancellationToken) =>
        Aggregates.SingleOrDefaultAsync(a => a.Identifier == identifier, cancellationToken);

    public Task<Account?> FindAsync(AccountId id, CancellationToken cancellationToken) =>
        Aggregates.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    public Task<Account?> FindForViewAsync(AccountId id, CancellationToken cancellationToken) =>
        db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>One narrow query (status and stamp), remembered for a few seconds for the stamp presented.</summary>
    public async Task<AccountSessionState?> FindSessionStateAsync(AccountId id, string presentedStamp, CancellationToken cancellationToken)
    {
        if (sessions.TryGet(id.Value, presentedStamp, out var cached))
        {
            return cached;
        }

        var generation = sessions.Generation;
        var state = await db.Accounts.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new AccountSessionState(a.Status, a.SecurityStamp))
            .SingleOrDefaultAsync(cancellationToken);
        if (state is not null)
        {
            sessions.Store(id.Value, state, generation);
        }

        return state;
    }

    public Task<Account?> FindByResetSecretHashAsync(string secretHash, CancellationToken cancellationToken) =>
        Aggregates.SingleOrDefaultAsync(a => a.ResetRequests.Any(r => r.SecretHash == secretHash), cancellationToken);

    public Task<Account?> FindByEmailConfirmationHashAsync(string tokenHash, CancellationToken cancellationToken) =>
        Aggregates.SingleOrDefaultAsync(a => a.EmailConfirmationHash == tokenHash, cancellationToken);

    public async Task<IReadOnlyList<Account>> FindActiveByEmailAsync(EmailAddress email, CancellationToken cancellationToken)
    {
        var lookup = Ent77DbContext.EmailLookupOf(email);
        return await Aggregates
            .Where(a => EF.Property<string>(a, Ent77DbContext.EmailLookup) == lookup && a.Status == AccountStatus.Active)
            .ToListAsync(cancellationToken);
    }

    public async Task<HashSet<string>> TakenIdentifiersAsync(IReadOnlyCollection<Identifier> bases, CancellationToken cancellationToken)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        // Looked up by the stored base (trailing digits trimmed): a base that itself ends in a digit, such as
        // « jean.dupont2 » for a « Dupont2 », is stored under « jean.dupont » like the numbered « jean.dupont2 ».
        // Each chunk goes as one JSON parameter (json_each), not one SQL parameter per value: an import has thousands of bases.
        foreach (var chunk in bases.Select(b => b.Base).Distinct(StringComparer.Ordinal).Chunk(5_000))
        {
            var found = await db.Accounts.AsNoTracking()
                .Where(a => EF.Parameter(chunk).Contains(EF.Property<string>(a, Ent77DbContext.IdentifierBase)))
                .Select(a => a.Identifier)
                .ToListAsync(cancellationToken);
            taken.UnionWith(found.Select(i => i.Value));
        }

        return taken;
    }

    public async Task<IReadOnlyDictionary<string, Account>> FindByExternalIdsAsync(
        EstablishmentId establishmentId, IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken)
    {
        // First the ids of the accounts that match (one index-only query per 5,000 ids, sent as one JSON parameter: on
        // a first import, none match), then only those aggregates, whole.
        var matching = new List<AccountId>();
        foreach (var chunk in externalIds.Select(Ent77DbContext.ExternalIdLookupOf).Distinct(StringComparer.Ordinal).Chunk(5_000))
        {
            matching.AddRange(await db.Accounts.AsNoTracking()
                .Where(a => a.EstablishmentId == establishmentId && EF.Parameter(chunk).Contains(EF.Property<string>(a, Ent77DbContext.ExternalIdLookup)))
                .Select(a => a.Id)
                .ToListAsync(cancellationToken));
        }

        var found = new Dictionary<string, Account>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in matching.Chunk(500))
        {
            foreach (var account in await Aggregates.Where(a => chunk.Contains(a.Id)).ToListAsync(cancellationToken))
            {
                found[account.ExternalId!] = account;
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<Account>> FindPendingAsync(
        EstablishmentId establishmentId, IReadOnlyCollection<Guid>? ids, string? className, Profile? profile, CancellationToken cancellationToken)
    {
        var query = Aggregates.Where(a => a.EstablishmentId == establishmentId && a.Status == AccountStatus.Pending);
        if (className is not null)
        {
            query = query.Where(a => a.ClassName == className);
        }

        if (profile is { } p)
        {
            query = query.Where(a => a.Profile == p);
        }

        if (ids is null)
        {
            return await query.ToListAsync(cancellationToken);
        }

        var result = new List<Account>();
        foreach (var chunk in ids.Distinct().Select(id => new AccountId(id)).Chunk(500))
        {
            result.AddRange(await query.Where(a => chunk.Contains(a.Id)).ToListAsync(cancellationToken));
        }

        return result;
    }

    /// <summary>
    /// New accounts by the thousand (a roster import): on SQLite they are not tracked but written by the unit of work
    /// with prepared commands, in its transaction (<see cref="BulkAccountWriter"/>); elsewhere EF Core adds them.
    /// </summary>
    public void AddRange(IReadOnlyCollection<Account> accounts)
    {
        if (accounts.Count > 0 && BulkAccountWriter.Supports(db))
        {
            db.PendingAccounts.Add(accounts);
        }
        else
        {
            db.Accounts.AddRange(accounts);
        }
    }

    public async Task<IReadOnlyList<Account>> FindAdministratorsAsync(EstablishmentId establishmentId, CancellationToken cancellationToken)
    {
        EstablishmentId? scope = establishmentId;
        return await db.Accounts.AsNoTracking()
            .Where(a => a.Status == AccountStatus.Active && a.Email != null
                && a.Roles.Any(r => r.Role == Role.EstablishmentAdmin && r.EstablishmentId == scope))
            .ToListAsync(cancellationToken);
    }

    public void Add(Account account) => db.Accounts.Add(account);
}

internal sealed class EstablishmentRepository(Ent77DbContext db) : IEstablishmentRepository
{
    public Task<Establishment?> FindByUaiAsync(Uai uai, CancellationToken cancellationToken) =>
        db.Establishments.SingleOrDefaultAsync(e => e.Uai == uai, cancellationToken);

    public Task<Establishment?> FindAsync(EstablishmentId id, CancellationToken cancellationToken) =>
        db.Establishments.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);

    public async Task<IReadOnlyList<Establishment>> ListAsync(CancellationToken cancellationToken) =>
        await db.Establishments.AsNoTracking().OrderBy(e => e.Name).ToListAsync(cancellationToken);

    public void Add(Establishment establishment) => db.Establishments.Add(establishment);
}

internal sealed class TermsRepository(Ent77DbContext db) : ITermsRepository
{
    public async Task<TermsOfUse> GetCurrentAsync(CancellationToken cancellationToken) =>
        await db.Terms.AsNoTracking().OrderByDescending(t => t.PublishedAt).FirstOrDefaultAsync(cancellationToken)
        ?? throw new InvalidOperationException("No terms of use are published: the database was not initialised.");
}

internal sealed class AuditLog(Ent77DbContext db) : IAuditLog
{
    public void Record(AuditEvent auditEvent) => db.AuditEvents.Add(auditEvent);
}

/// <summary>
/// One SaveChanges per command: aggregates and audit rows in one transaction. Accounts added in bulk
/// (<see cref="PendingAccountInserts"/>) are written in that same transaction, after the tracked changes.
/// </summary>
internal sealed class UnitOfWork(
    Ent77DbContext db, SessionStateCache sessions, SqliteWriteGate writeGate, Notifications.OutboxDispatcher dispatcher)
    : IUnitOfWork
{
    /// <summary>Outside a container (tests): a session cache and a write gate of its own.</summary>
    public UnitOfWork(Ent77DbContext db, Notifications.OutboxDispatcher dispatcher)
        : this(db, new SessionStateCache(TimeProvider.System), new SqliteWriteGate(), dispatcher)
    {
    }

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        var messages = db.ChangeTracker.Entries<Domain.Notifications.Notification>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity.Id)
            .ToList();
        var changedAccounts = db.ChangeTracker.Entries<Account>()
            .Where(e => e.State is EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.Id.Value)
            .ToList();
        var bulk = db.PendingAccounts.Take();
        try
        {
            using var writing = await writeGate.EnterAsync(db, cancellationToken);
            if (bulk.Count == 0)
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            else
            {
                await SaveWithBulkAsync(bulk, cancellationToken);
            }
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ConcurrencyConflictException(e);
        }
        finally
        {
            // Committed or not, the sessions of a changed account are checked against the database again.
            sessions.Invalidate(changedAccounts);
        }

        foreach (var entry in db.ChangeTracker.Entries<Domain.Common.IAggregateRoot>())
        {
            entry.Entity.ClearDomainEvents();
        }

        foreach (var account in bulk)
        {
            account.ClearDomainEvents();
        }

        // Only now that the change is committed may its messages leave.
        dispatcher.Dispatch(messages);
    }

    /// <summary>Tracked changes, then the bulk rows, committed together; the tracker accepts its changes only after the commit.</summary>
    private async Task SaveWithBulkAsync(IReadOnlyList<Account> accounts, CancellationToken cancellationToken)
    {
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await db.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
            await BulkAccountWriter.InsertAsync(db, accounts, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }

        db.ChangeTracker.AcceptAllChanges();
    }

    public void DiscardChanges()
    {
        db.ChangeTracker.Clear();
        db.PendingAccounts.Take();
    }
}

internal sealed class HelpRequestRepository(Ent77DbContext db) : Application.Support.IHelpRequestRepository
{
    public Task<Domain.Support.HelpRequest?> FindAsync(Domain.Support.HelpRequestId id, CancellationToken cancellationToken) =>
        db.HelpRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);

    public Task<bool> ReferenceExistsAsync(string reference, CancellationToken cancellationToken) =>
        db.HelpRequests.AnyAsync(r => r.Reference == reference, cancellationToken);

    public void Add(Domain.Support.HelpRequest request) => db.HelpRequests.Add(request);

    public Task<int> PurgeClosedAsync(DateTimeOffset closedBefore, CancellationToken cancellationToken) =>
        db.HelpRequests
            .Where(r => (r.Status == Domain.Support.HelpRequestStatus.Resolved || r.Status == Domain.Support.HelpRequestStatus.Rejected) && r.ClosedAt < closedBefore)
            .ExecuteDeleteAsync(cancellationToken);
}
