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

internal sealed class AccountRepository(Ent77DbContext db) : IAccountRepository
{
    private IQueryable<Account> Aggregates => db.Accounts.Include(a => a.ActivationCodes).Include(a => a.ResetRequests).AsSplitQuery();

    public Task<Account?> FindByIdentifierAsync(Identifier identifier, CancellationToken cancellationToken) =>
        Aggregates.SingleOrDefaultAsync(a => a.Identifier == identifier, cancellationToken);

    public Task<Account?> FindAsync(AccountId id, CancellationToken cancellationToken) =>
        Aggregates.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

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
        foreach (var chunk in bases.Select(b => b.Base).Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var found = await db.Accounts.AsNoTracking()
                .Where(a => chunk.Contains(EF.Property<string>(a, Ent77DbContext.IdentifierBase)))
                .Select(a => a.Identifier)
                .ToListAsync(cancellationToken);
            taken.UnionWith(found.Select(i => i.Value));
        }

        return taken;
    }

    public async Task<IReadOnlyDictionary<string, Account>> FindByExternalIdsAsync(
        EstablishmentId establishmentId, IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, Account>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in externalIds.Select(Ent77DbContext.ExternalIdLookupOf).Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var accounts = await Aggregates
                .Where(a => a.EstablishmentId == establishmentId && chunk.Contains(EF.Property<string>(a, Ent77DbContext.ExternalIdLookup)))
                .ToListAsync(cancellationToken);
            foreach (var account in accounts)
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

    public void AddRange(IReadOnlyCollection<Account> accounts) => db.Accounts.AddRange(accounts);

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

/// <summary>One SaveChanges per command: aggregates and audit rows in one transaction.</summary>
internal sealed class UnitOfWork(Ent77DbContext db, Notifications.OutboxDispatcher dispatcher) : IUnitOfWork
{
    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        var messages = db.ChangeTracker.Entries<Domain.Notifications.Notification>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity.Id)
            .ToList();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new ConcurrencyConflictException(e);
        }

        foreach (var entry in db.ChangeTracker.Entries<Domain.Common.IAggregateRoot>())
        {
            entry.Entity.ClearDomainEvents();
        }

        // Only now that the change is committed may its messages leave.
        dispatcher.Dispatch(messages);
    }

    public void DiscardChanges() => db.ChangeTracker.Clear();
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
