using Ent77.Application.Support;
using Ent77.Application.Support.GetHelpRequest;
using Ent77.Application.Support.ListHelpRequests;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using Ent77.Domain.Support;
using Microsoft.EntityFrameworkCore;

namespace Ent77.Infrastructure.Persistence.Queries;

internal sealed class SupportQueries(Ent77DbContext db) : ISupportQueries
{
    public async Task<IReadOnlyList<HelpRequestSummaryDto>> ListAsync(
        EstablishmentId establishment, HelpRequestStatus? status, HelpRequestKind? kind, CancellationToken cancellationToken)
    {
        var query = db.HelpRequests.AsNoTracking().Where(r => r.EstablishmentId == establishment);
        if (status is { } s)
        {
            query = query.Where(r => r.Status == s);
        }

        if (kind is { } k)
        {
            query = query.Where(r => r.Kind == k);
        }

        var rows = await query
            .Select(r => new HelpRequestSummaryDto(
                r.Id.Value, r.Reference, r.Kind, r.Status, r.Requester.FirstName + " " + r.Requester.LastName, r.StudentName, r.ClassName, r.CreatedAt, r.ClosedAt))
            .ToListAsync(cancellationToken);

        // Open first, then in progress, then closed; oldest first within each.
        return rows.OrderBy(r => r.Status).ThenBy(r => r.CreatedAt).ToList();
    }

    public async Task<IReadOnlyList<SuggestedAccountDto>> SuggestAccountsAsync(EstablishmentId establishment, string name, int limit, CancellationToken cancellationToken)
    {
        var words = name.Split([' ', '-', '\'', '.', ','], StringSplitOptions.RemoveEmptyEntries)
            .Select(Identifier.NormalizePart).Where(w => w.Length >= 2).Distinct().ToList();
        if (words.Count == 0)
        {
            return [];
        }

        var query = db.Accounts.AsNoTracking().Where(a => a.EstablishmentId == establishment);
        foreach (var word in words)
        {
            var pattern = $"%{word}%";
            query = query.Where(a => EF.Functions.Like(EF.Property<string>(a, Ent77DbContext.IdentifierBase), pattern));
        }

        var matches = await query
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName)
            .Take(limit)
            .Select(a => new SuggestedAccountDto(a.Id.Value, a.Identifier.Value, a.FirstName, a.LastName, a.Profile, a.ClassName, a.Status))
            .ToListAsync(cancellationToken);

        // A child's name also finds the parents' accounts: a parent often writes about their child's account, or their own.
        var students = matches.Where(m => m.Profile == Profile.Student).Select(m => new AccountId(m.Id)).ToList();
        if (students.Count == 0)
        {
            return matches;
        }

        var parents = await db.Accounts.AsNoTracking()
            .Where(a => a.EstablishmentId == establishment && a.Children.Any(c => students.Contains(c.ChildId)))
            .OrderBy(a => a.LastName).ThenBy(a => a.FirstName)
            .Take(limit)
            .Select(a => new SuggestedAccountDto(a.Id.Value, a.Identifier.Value, a.FirstName, a.LastName, a.Profile, a.ClassName, a.Status))
            .ToListAsync(cancellationToken);
        return [.. matches, .. parents.Where(p => !matches.Exists(m => m.Id == p.Id))];
    }
}
