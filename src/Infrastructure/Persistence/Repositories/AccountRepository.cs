using Ent77.Application.Accounts;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using Microsoft.EntityFrameworkCore;

namespace Ent77.Infrastructure.Persistence.Repositories;

internal sealed class AccountRepository(Ent77DbContext db) : IAccountRepository
{
    private IQueryable<Account> Aggregates => db.Accounts.Include(a => a.ActivationCodes).Include(a => a.ResetRequests).AsSplitQuery();

    public Task<Account?> FindByIdentifierAsync(Identifier identifier, CancellationToken cancellationToken) =>
        Aggregates.SingleOrDefaultAsync(a => a.Identifier == identifier, cancellationToken);

    public Task<Account?> FindAsync(AccountId id, CancellationToken cancellationToken) =>
        Aggregates.SingleOrDefaultAsync(a => a.Id == id, cancellationToken);

    /// <summary>
    /// Compiled once (it runs on every <c>GET /api/account</c>). One query on purpose: the establishment, the owned roles
    /// and the family links come with the account by joins (a handful of rows), cheaper than a round trip each.
    /// </summary>
    private static readonly Func<Ent77DbContext, AccountId, CancellationToken, Task<AccountWithSchool?>> FindView =
        EF.CompileAsyncQuery((Ent77DbContext db, AccountId id, CancellationToken _) =>
            (from a in db.Accounts.AsNoTracking().AsSingleQuery()
             where a.Id == id
             join e in db.Establishments.AsNoTracking() on a.EstablishmentId equals (EstablishmentId?)e.Id into schools
             from e in schools.DefaultIfEmpty()
             select new AccountWithSchool(a, e)).SingleOrDefault());

    public Task<AccountWithSchool?> FindForViewAsync(AccountId id, CancellationToken cancellationToken) =>
        FindView(db, id, cancellationToken);

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
        if (className is not null && profile == Profile.Parent)
        {
            // The parents of a class are the parents of its students (docs/IMPORTS.md "Families").
            var students = db.Accounts.Where(s => s.EstablishmentId == establishmentId && s.Profile == Profile.Student && s.ClassName == className).Select(s => s.Id);
            query = query.Where(a => a.Children.Any(c => students.Contains(c.ChildId)));
        }
        else if (className is not null)
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

    public async Task<IReadOnlyList<Account>> FindByExternalIdPrefixesAsync(
        EstablishmentId establishmentId, IReadOnlyCollection<string> prefixes, CancellationToken cancellationToken)
    {
        var found = new List<Account>();
        foreach (var prefix in prefixes.Select(p => p.ToLowerInvariant()).Distinct(StringComparer.Ordinal))
        {
            found.AddRange(await Aggregates
                .Where(a => a.EstablishmentId == establishmentId && EF.Property<string>(a, Ent77DbContext.ExternalIdLookup).StartsWith(prefix))
                .ToListAsync(cancellationToken));
        }

        return found;
    }

    public async Task<IReadOnlyList<Account>> FindManyForViewAsync(IReadOnlyCollection<AccountId> ids, CancellationToken cancellationToken)
    {
        var found = new List<Account>();
        foreach (var chunk in ids.Distinct().Chunk(500))
        {
            found.AddRange(await db.Accounts.AsNoTracking().AsSingleQuery().Where(a => chunk.Contains(a.Id)).ToListAsync(cancellationToken));
        }

        return found;
    }

    public async Task<IReadOnlyList<Account>> FindParentsOfAsync(IReadOnlyCollection<AccountId> childIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<AccountId, Account>();
        foreach (var chunk in childIds.Distinct().Chunk(500))
        {
            foreach (var parent in await Aggregates.Where(a => a.Profile == Profile.Parent && a.Children.Any(c => chunk.Contains(c.ChildId))).ToListAsync(cancellationToken))
            {
                found.TryAdd(parent.Id, parent);
            }
        }

        return [.. found.Values];
    }

    public async Task<IReadOnlyList<Account>> FindByNameBasesAsync(
        EstablishmentId establishmentId, IReadOnlyCollection<Identifier> bases, CancellationToken cancellationToken)
    {
        var found = new List<Account>();
        foreach (var chunk in bases.Select(b => b.Base).Distinct(StringComparer.Ordinal).Chunk(5_000))
        {
            found.AddRange(await db.Accounts.AsNoTracking()
                .Where(a => a.EstablishmentId == establishmentId && EF.Parameter(chunk).Contains(EF.Property<string>(a, Ent77DbContext.IdentifierBase)))
                .ToListAsync(cancellationToken));
        }

        return found;
    }

    public void Add(Account account) => db.Accounts.Add(account);
}
