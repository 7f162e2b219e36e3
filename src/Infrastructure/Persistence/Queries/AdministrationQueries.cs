using Ent77.Application.Administration.Queries;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using Microsoft.EntityFrameworkCore;

namespace Ent77.Infrastructure.Persistence.Queries;

/// <summary>The administration read models, projected with <c>AsNoTracking</c> (no aggregate is loaded).</summary>
internal sealed class AdministrationQueries(Ent77DbContext db) : IAdministrationQueries
{
    public async Task<PagedResult<AccountSummaryDto>> ListAccountsAsync(
        EstablishmentId establishment, AccountFilter filter, int page, int pageSize, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var query = db.Accounts.AsNoTracking().Where(a => a.EstablishmentId == establishment);
        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        if (filter.Profile is { } profile)
        {
            query = query.Where(a => a.Profile == profile);
        }

        if (!string.IsNullOrWhiteSpace(filter.ClassName))
        {
            query = query.Where(a => a.ClassName == filter.ClassName.Trim());
        }

        // Names are searched through the identifier base (folded, lower case): « Hélène » finds helene.dupont.
        foreach (var word in (filter.Search ?? string.Empty).Split([' ', '.', ','], StringSplitOptions.RemoveEmptyEntries)
                     .Select(Identifier.NormalizePart).Where(w => w.Length > 0))
        {
            var pattern = $"%{word}%";
            query = query.Where(a => EF.Functions.Like(EF.Property<string>(a, Ent77DbContext.IdentifierBase), pattern)
                || EF.Functions.Like(EF.Property<string>(a, Ent77DbContext.ExternalIdLookup), pattern));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName).ThenBy(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new
            {
                a.Id, a.Identifier, a.FirstName, a.LastName, a.Profile, a.ClassName, a.Status, a.ActivatedAt,
                Codes = a.ActivationCodes.Where(c => c.RevokedAt == null && c.ConsumedAt == null).Select(c => c.ExpiresAt).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var items = rows.Select(a =>
        {
            var expires = a.Codes.Count == 0 ? (DateTimeOffset?)null : a.Codes.Max();
            return new AccountSummaryDto(a.Id.Value, a.Identifier.Value, a.FirstName, a.LastName, a.Profile, a.ClassName, a.Status,
                a.ActivatedAt, expires, expires > now);
        }).ToList();
        return new PagedResult<AccountSummaryDto>(items, total, page, pageSize);
    }

    public async Task<ActivationStatsDto> GetActivationStatsAsync(EstablishmentId establishment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => a.EstablishmentId == establishment)
            .Select(a => new
            {
                a.Profile,
                a.ClassName,
                a.Status,
                Codes = a.ActivationCodes.Where(c => c.RevokedAt == null && c.ConsumedAt == null).Select(c => c.ExpiresAt).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var facts = accounts.Select(a => new Fact(
            a.Profile.ToString(), a.ClassName, a.Status, a.Status == AccountStatus.Pending && a.Codes.All(expires => expires <= now))).ToList();
        return new ActivationStatsDto(
            Rate("Tous", facts),
            facts.GroupBy(f => f.Profile).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Rate(g.Key, g)).ToList(),
            facts.GroupBy(f => f.ClassName ?? "(sans classe)").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Rate(g.Key, g)).ToList());
    }

    public async Task<IReadOnlyList<AuditEventDto>> GetAuditAsync(
        EstablishmentId establishment, DateTimeOffset since, DateTimeOffset until, int limit, CancellationToken cancellationToken)
    {
        var events = await db.AuditEvents.AsNoTracking()
            .Where(e => e.EstablishmentId == establishment.Value && e.OccurredAt >= since && e.OccurredAt <= until)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var ids = events.SelectMany(e => new[] { e.AccountId, e.ActorAccountId }).OfType<Guid>().Distinct().Select(id => new AccountId(id)).ToList();
        var identifiers = new Dictionary<Guid, string>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var row in await db.Accounts.AsNoTracking().Where(a => chunk.Contains(a.Id)).Select(a => new { a.Id, a.Identifier }).ToListAsync(cancellationToken))
            {
                identifiers[row.Id.Value] = row.Identifier.Value;
            }
        }

        return events.Select(e => new AuditEventDto(
            e.OccurredAt, e.Type, e.AccountId, e.AccountId is { } a ? identifiers.GetValueOrDefault(a) : null,
            e.ActorAccountId, e.ActorAccountId is { } actor ? identifiers.GetValueOrDefault(actor) : null, e.Details)).ToList();
    }

    private static ActivationRateDto Rate(string group, IEnumerable<Fact> facts)
    {
        var list = facts as IReadOnlyCollection<Fact> ?? facts.ToList();
        var total = list.Count;
        var active = list.Count(f => f.Status == AccountStatus.Active);
        return new ActivationRateDto(
            group,
            total,
            active,
            list.Count(f => f.Status == AccountStatus.Pending),
            list.Count(f => f.Status == AccountStatus.Blocked),
            list.Count(f => f.CodeExpired),
            total == 0 ? 0 : Math.Round((double)active / total, 4));
    }

    private sealed record Fact(string Profile, string? ClassName, AccountStatus Status, bool CodeExpired);
}
