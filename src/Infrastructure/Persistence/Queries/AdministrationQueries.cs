using Ent77.Application.Administration;
using Ent77.Application.Administration.GetActivationStats;
using Ent77.Application.Administration.GetAudit;
using Ent77.Application.Administration.ListAccounts;
using Ent77.Application.Common;
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
        var (children, parents) = await FamiliesOfAsync([.. rows.Select(r => r.Id)], cancellationToken);
        var items = rows.Select(a =>
        {
            var expires = a.Codes.Count == 0 ? (DateTimeOffset?)null : a.Codes.Max();
            return new AccountSummaryDto(a.Id.Value, a.Identifier.Value, a.FirstName, a.LastName, a.Profile, a.ClassName, a.Status,
                a.ActivatedAt, expires, expires > now)
            {
                Children = children.GetValueOrDefault(a.Id, []),
                Parents = parents.GetValueOrDefault(a.Id, []),
            };
        }).ToList();
        return new PagedResult<AccountSummaryDto>(items, total, page, pageSize);
    }

    /// <summary>The children of the parents among <paramref name="ids"/>, and the parents of the students among them.</summary>
    private async Task<(Dictionary<AccountId, List<FamilyMemberDto>> Children, Dictionary<AccountId, List<FamilyMemberDto>> Parents)> FamiliesOfAsync(
        IReadOnlyCollection<AccountId> ids, CancellationToken cancellationToken)
    {
        var links = ids.Count == 0 ? [] : await db.Accounts.AsNoTracking()
            .SelectMany(a => a.Children, (a, c) => new { Parent = a.Id, Child = c.ChildId })
            .Where(l => ids.Contains(l.Parent) || ids.Contains(l.Child))
            .ToListAsync(cancellationToken);
        var others = links.SelectMany(l => new[] { l.Parent, l.Child }).Distinct().ToList();
        var people = new Dictionary<AccountId, FamilyMemberDto>();
        foreach (var chunk in others.Chunk(500))
        {
            foreach (var a in await db.Accounts.AsNoTracking().Where(a => chunk.Contains(a.Id))
                .Select(a => new { a.Id, a.Identifier, a.FirstName, a.LastName, a.ClassName, a.BlockedReason }).ToListAsync(cancellationToken))
            {
                if (a.BlockedReason != BlockReasons.LeftSchool)
                {
                    people[a.Id] = new FamilyMemberDto(a.Id.Value, a.Identifier.Value, a.FirstName, a.LastName, a.ClassName);
                }
            }
        }

        var children = links.Where(l => ids.Contains(l.Parent) && people.ContainsKey(l.Child))
            .GroupBy(l => l.Parent).ToDictionary(g => g.Key, g => g.Select(l => people[l.Child]).OrderBy(p => p.FirstName, StringComparer.Ordinal).ToList());
        var parents = links.Where(l => ids.Contains(l.Child) && people.ContainsKey(l.Parent))
            .GroupBy(l => l.Child).ToDictionary(g => g.Key, g => g.Select(l => people[l.Parent]).OrderBy(p => p.LastName, StringComparer.Ordinal).ThenBy(p => p.FirstName, StringComparer.Ordinal).ToList());
        return (children, parents);
    }

    public async Task<ActivationStatsDto> GetActivationStatsAsync(EstablishmentId establishment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var accounts = await db.Accounts.AsNoTracking()
            .Where(a => a.EstablishmentId == establishment)
            .Select(a => new
            {
                a.Id,
                a.Profile,
                a.ClassName,
                a.Status,
                Codes = a.ActivationCodes.Where(c => c.RevokedAt == null && c.ConsumedAt == null).Select(c => c.ExpiresAt).ToList(),
                Children = a.Children.Select(c => c.ChildId).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var facts = accounts.ToDictionary(a => a.Id, a => new Fact(
            a.Profile.ToString(), a.ClassName, a.Status, a.Status == AccountStatus.Pending && a.Codes.All(expires => expires <= now)));
        var parents = accounts.Where(a => a.Children.Count > 0).ToList();
        var classOf = accounts.Where(a => a.Profile == Profile.Student && a.ClassName is not null).ToDictionary(a => a.Id, a => a.ClassName!);
        var parentsByClass = parents
            .SelectMany(p => p.Children.Where(classOf.ContainsKey).Select(c => classOf[c]).Distinct(StringComparer.Ordinal).Select(c => (Class: c, Fact: facts[p.Id])))
            .GroupBy(x => x.Class, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Rate(g.Key, g.Select(x => x.Fact))).ToList();
        var withChildren = parents.Select(p => p.Id).ToHashSet();
        return new ActivationStatsDto(
            Rate("Tous", facts.Values),
            facts.Values.GroupBy(f => f.Profile).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Rate(g.Key, g)).ToList(),
            facts.Where(f => !withChildren.Contains(f.Key)).Select(f => f.Value)
                .GroupBy(f => f.ClassName ?? "(sans classe)").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Rate(g.Key, g)).ToList())
        {
            ParentsByClass = parentsByClass,
        };
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
