using Ent77.Application.Accounts;
using Ent77.Application.Accounts.Common;
using Ent77.Application.Administration.Access;
using Ent77.Application.Establishments;
using Ent77.Domain.Accounts;
using Ent77.Domain.Common;
using Mediator;

namespace Ent77.Application.Administration.ImportRoster;

public sealed class ImportRosterHandler(
    IRosterReader reader,
    IEstablishmentRepository establishments,
    IAccountRepository accounts,
    IdentifierAllocator identifiers,
    ActivationCodeIssuer codes,
    HomonymCheck homonyms,
    FamilyDirectory families,
    AdministratorContext access,
    IPublisher publisher,
    TimeProvider time) : ICommandHandler<ImportRosterCommand, ImportResult>
{
    public async ValueTask<ImportResult> Handle(ImportRosterCommand command, CancellationToken cancellationToken)
    {
        var establishment = await establishments.GetScopedAsync(command.Uai, cancellationToken);
        var now = time.GetUtcNow();
        var roster = RosterValidator.Validate(await reader.ReadAsync(command.Csv, cancellationToken), SchoolCalendar.DayOf(now));
        if (!roster.IsValid)
        {
            throw new RosterInvalidException(roster.Errors);
        }

        var externalIds = roster.Rows.Where(r => r.ExternalId is not null).Select(r => r.ExternalId!).ToList();
        var known = externalIds.Count == 0
            ? new Dictionary<string, Account>()
            : await accounts.FindByExternalIdsAsync(establishment.Id, externalIds, cancellationToken);
        foreach (var existing in known.Values)
        {
            access.EnsureReaches(existing);
        }

        var children = await FindChildrenAsync(establishment.Id, roster.Rows, cancellationToken);
        var newRows = roster.Rows.Where(r => r.ExternalId is null || !known.ContainsKey(r.ExternalId)).ToList();
        var bases = newRows.Select(r => Identifier.BaseFor(r.FirstName, r.LastName)).ToList();
        var distinctBases = bases.Distinct().ToList();
        var reservation = await identifiers.ReserveAsync(distinctBases, cancellationToken);
        var newcomers = await homonyms.LoadAsync(establishment.Id, distinctBases, cancellationToken);
        var warnings = new List<ImportWarning>();

        var results = new List<(IssuedCodeDto Row, Account? Account)>(roster.Rows.Count);
        var created = new List<Account>(newRows.Count);
        var byLine = new Dictionary<int, Account>();
        var newIndex = 0;
        foreach (var row in roster.Rows)
        {
            var person = new PersonDetails(row.FirstName, row.LastName, row.Profile, row.ClassName, row.BirthDate, row.ExternalId);
            if (row.ExternalId is not null && known.TryGetValue(row.ExternalId, out var existing))
            {
                if (!command.DryRun)
                {
                    existing.UpdateFromRoster(person);
                    byLine[row.LineNumber] = existing;
                }

                results.Add((new IssuedCodeDto(existing.Id.Value, existing.Identifier.Value, person.FirstName, person.LastName, person.Profile, person.ClassName, null, null)
                { Operation = ImportOperations.Updated }, existing));
                continue;
            }

            var baseIdentifier = bases[newIndex++];
            var identifier = reservation.Next(baseIdentifier);
            if (newcomers.Warning(person, baseIdentifier, identifier) is { } homonym)
            {
                warnings.Add(new ImportWarning(row.LineNumber, row.ExternalId, identifier.Value, homonym));
            }

            if (command.DryRun)
            {
                results.Add((new IssuedCodeDto(Guid.Empty, identifier.Value, person.FirstName, person.LastName, person.Profile, person.ClassName, null, null)
                { Operation = ImportOperations.Created }, null));
                continue;
            }

            var account = Account.CreatePending(identifier, person, establishment.Id, now);
            var code = codes.Issue(account, now);
            created.Add(account);
            byLine[row.LineNumber] = account;
            results.Add((new IssuedCodeDto(account.Id.Value, identifier.Value, account.FirstName, account.LastName, account.Profile, account.ClassName, code.Code, code.ExpiresAt)
            { Operation = ImportOperations.Created }, account));
        }

        var updated = roster.Rows.Count - newRows.Count;
        if (!command.DryRun)
        {
            LinkFamilies(roster.Rows, byLine, children);
            accounts.AddRange(created);
            await publisher.Publish(
                new RosterImported(establishment.Id.Value, [.. created.Select(a => a.Id.Value)], [.. known.Values.Select(a => a.Id.Value)], now),
                cancellationToken);
        }

        var rows = await families.WithChildrenAsync(WithListedChildren(roster.Rows, results, children), [.. byLine.Values, .. children.Values], cancellationToken);
        return new ImportResult(newRows.Count, updated, Left: 0, Unchanged: 0, command.DryRun,
            new CodeBatch(establishment.Uai.Value, establishment.Name, rows), warnings);
    }

    /// <summary>
    /// The children the <c>Enfants</c> column names that are not rows of the file: the school's student accounts with
    /// those external ids. A child that is neither a student row nor a student of the school refuses the file.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, Account>> FindChildrenAsync(
        Domain.Establishments.EstablishmentId school, IReadOnlyList<RosterRow> rows, CancellationToken cancellationToken)
    {
        var students = rows.Where(r => r.Profile == Profile.Student && r.ExternalId is not null)
            .Select(r => r.ExternalId!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var named = rows.Where(r => r.ChildExternalIds is not null).SelectMany(r => r.ChildExternalIds!)
            .Where(id => !students.Contains(id)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var found = named.Count == 0 ? new Dictionary<string, Account>() : await accounts.FindByExternalIdsAsync(school, named, cancellationToken);
        var errors = rows.Where(r => r.ChildExternalIds is not null)
            .SelectMany(r => r.ChildExternalIds!
                .Where(id => !students.Contains(id) && !(found.TryGetValue(id, out var child) && child.Profile == Profile.Student))
                .Select(id => new RosterError(r.LineNumber, "Enfants",
                    $"L’enfant « {id} » n’est ni un élève de ce fichier ni un élève de l’établissement (identifiant externe).")))
            .ToList();
        if (errors.Count > 0)
        {
            throw new RosterInvalidException(errors);
        }

        return found;
    }

    /// <summary>
    /// The children a parent row's <c>Enfants</c> column names, as the answer shows them (the dry run too, which links
    /// nothing): the student rows of the file (with the identifier they get) or the school's accounts. Those rows go
    /// without their account, so that <see cref="FamilyDirectory"/> leaves them be; the other parents' children are the
    /// ones their account already has.
    /// </summary>
    private static List<(IssuedCodeDto Row, Account? Account)> WithListedChildren(
        IReadOnlyList<RosterRow> rows, List<(IssuedCodeDto Row, Account? Account)> results, IReadOnlyDictionary<string, Account> others)
    {
        var students = new Dictionary<string, FamilyMemberDto>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i] is { Profile: Profile.Student, ExternalId: { } id })
            {
                var row = results[i].Row;
                students.TryAdd(id, new FamilyMemberDto(row.Id, row.Identifier, row.FirstName, row.LastName, row.ClassName));
            }
        }

        return [.. results.Select((result, i) => rows[i].ChildExternalIds is { } ids
            ? (result.Row with
            {
                Children = [.. ids.Select(id => students.TryGetValue(id, out var child) ? child : FamilyMemberDto.Of(others[id])).DistinctBy(c => c.Identifier)],
            }, (Account?)null)
            : result)];
    }

    /// <summary>Each parent row with children gets exactly those children (rows of the file first, then the school's accounts).</summary>
    private static void LinkFamilies(IReadOnlyList<RosterRow> rows, Dictionary<int, Account> byLine, IReadOnlyDictionary<string, Account> others)
    {
        var students = rows.Where(r => r.Profile == Profile.Student && r.ExternalId is not null)
            .ToDictionary(r => r.ExternalId!, r => byLine[r.LineNumber], StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Where(r => r.ChildExternalIds is not null))
        {
            byLine[row.LineNumber].LinkChildren(
                [.. row.ChildExternalIds!.Select(id => students.TryGetValue(id, out var child) ? child : others[id]).DistinctBy(c => c.Id)]);
        }
    }
}
