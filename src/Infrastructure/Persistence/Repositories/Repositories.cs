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

    public async Task<IReadOnlySet<string>> TakenIdentifiersAsync(Identifier baseIdentifier, CancellationToken cancellationToken)
    {
        // Identifiers hold only [a-z0-9.-]: no LIKE wildcard can hide in the prefix. Plain SQL because the
        // column is a converted value object, and double-quoted names read the same on SQLite and SQL Server.
        var pattern = baseIdentifier.Value + "%";
        var candidates = await db.Database
            .SqlQuery<string>($"SELECT \"Identifier\" AS \"Value\" FROM \"Accounts\" WHERE \"Identifier\" LIKE {pattern}")
            .ToListAsync(cancellationToken);
        return candidates.Where(baseIdentifier.IsBaseOf).ToHashSet(StringComparer.Ordinal);
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
}
