using Ent77.Application.Accounts;
using Ent77.Application.Accounts.Common;
using Ent77.Application.Administration.Access;
using Ent77.Application.Administration.ImportRoster;
using Ent77.Application.Administration.SchoolExports;
using Ent77.Application.Common.Ports;
using Ent77.Application.Establishments;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using Mediator;

namespace Ent77.Application.Administration.ImportSchoolExport;

/// <summary>
/// Reads and maps the exports (<see cref="SchoolExportMapper"/>), refuses them whole on any problem, then synchronises the
/// school's accounts of the kinds the files carry (docs/IMPORTS.md "Synchronisation"): known people (same external id)
/// updated, newcomers created with a code, parents linked to their children, leavers blocked with the reason
/// « a quitté l’établissement », returning leavers unblocked. Accounts of another source (a CSV) and administrators are
/// never touched. A dry run does everything in memory and writes nothing.
/// </summary>
public sealed class ImportSchoolExportHandler(
    ISchoolExportReader reader,
    IEstablishmentRepository establishments,
    IAccountRepository accounts,
    IdentifierAllocator identifiers,
    ActivationCodeIssuer codes,
    HomonymCheck homonyms,
    FamilyDirectory families,
    AdministratorContext access,
    IUnitOfWork unitOfWork,
    IPublisher publisher,
    TimeProvider time) : ICommandHandler<ImportSchoolExportCommand, ImportResult>
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public async ValueTask<ImportResult> Handle(ImportSchoolExportCommand command, CancellationToken cancellationToken)
    {
        var establishment = await establishments.GetScopedAsync(command.Uai, cancellationToken);
        var now = time.GetUtcNow();
        var read = await reader.ReadAsync(command.Files, cancellationToken);
        var plan = SchoolExportMapper.Map(read, establishment.Uai, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Paris).DateTime));
        if (!plan.IsValid)
        {
            throw new SchoolExportInvalidException(plan.Problems);
        }

        var sync = new Synchronisation(accounts, identifiers, codes, homonyms, families, access, publisher, command, establishment, plan, now);
        var result = await sync.RunAsync(cancellationToken);
        if (command.DryRun)
        {
            unitOfWork.DiscardChanges();
        }

        return result;
    }

    private sealed class Synchronisation(
        IAccountRepository accounts,
        IdentifierAllocator identifiers,
        ActivationCodeIssuer codes,
        HomonymCheck homonymCheck,
        FamilyDirectory families,
        AdministratorContext access,
        IPublisher publisher,
        ImportSchoolExportCommand command,
        Establishment establishment,
        SchoolImportPlan plan,
        DateTimeOffset now)
    {
        /// <summary>Every account the sync knows by external id: those of the carried kinds, the children named, the ones it creates.</summary>
        private Dictionary<string, Account> _byExternalId = new(StringComparer.OrdinalIgnoreCase);

        /// <summary>One row per person the import lists, with its <see cref="IssuedCodeDto.Operation"/>: the counts are counted on them.</summary>
        private readonly List<(IssuedCodeDto Row, Account? Account)> _results = [];
        private readonly List<Account> _created = [];
        private readonly List<Guid> _updated = [];
        private readonly List<Account> _studentsMoved = [];
        private readonly List<ImportWarning> _warnings = [];

        public async Task<ImportResult> RunAsync(CancellationToken cancellationToken)
        {
            var known = await accounts.FindByExternalIdPrefixesAsync(establishment.Id, plan.ExternalIdPrefixes, cancellationToken);
            _byExternalId = known.Where(a => a.ExternalId is not null).ToDictionary(a => a.ExternalId!, StringComparer.OrdinalIgnoreCase);
            if (!plan.Carries(ExportFileKind.Students))
            {
                // A guardians file alone: the children are the school's student accounts it names.
                var named = plan.People.SelectMany(p => p.ChildExternalIds).Where(id => !_byExternalId.ContainsKey(id)).Distinct().ToList();
                if (named.Count > 0)
                {
                    foreach (var (externalId, child) in await accounts.FindByExternalIdsAsync(establishment.Id, named, cancellationToken))
                    {
                        _byExternalId.TryAdd(externalId, child);
                    }
                }
            }

            var newcomers = plan.People.Where(p => !_byExternalId.ContainsKey(p.ExternalId)).ToList();
            var bases = newcomers.ToDictionary(p => p.ExternalId, p => Identifier.BaseFor(p.FirstName, p.LastName), StringComparer.OrdinalIgnoreCase);
            var distinctBases = bases.Values.Distinct().ToList();
            var reservation = await identifiers.ReserveAsync(distinctBases, cancellationToken);
            var homonyms = await homonymCheck.LoadAsync(establishment.Id, distinctBases, cancellationToken);

            var listed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var person in plan.People)
            {
                listed.Add(person.ExternalId);
                if (_byExternalId.TryGetValue(person.ExternalId, out var account))
                {
                    Update(account, person);
                }
                else
                {
                    var baseIdentifier = bases[person.ExternalId];
                    Create(person, baseIdentifier, reservation.Next(baseIdentifier), homonyms);
                }
            }

            foreach (var account in known)
            {
                if (!listed.Contains(account.ExternalId!) && account.Status != AccountStatus.Blocked && Touchable(account))
                {
                    Leave(account);
                }
            }

            if (plan.Carries(ExportFileKind.Students) && !plan.Carries(ExportFileKind.Guardians))
            {
                await SettleParentsAsync(cancellationToken);
            }

            if (!command.DryRun)
            {
                accounts.AddRange(_created);
                await publisher.Publish(
                    new RosterImported(establishment.Id.Value, [.. _created.Select(a => a.Id.Value)], _updated, now), cancellationToken);
            }

            var rows = await families.WithChildrenAsync(_results, _byExternalId.Values, cancellationToken);
            if (command.DryRun)
            {
                // A dry run gives no ids (a new account's would not be the one the import gives it): its children's neither.
                rows = [.. rows.Select(r => r.Children.Count == 0 ? r : r with { Children = [.. r.Children.Select(c => c with { Id = Guid.Empty })] })];
            }

            int Count(string operation) => rows.Count(r => r.Operation == operation);
            return new ImportResult(Count(ImportOperations.Created), Count(ImportOperations.Updated), Count(ImportOperations.Left),
                Count(ImportOperations.Unchanged), command.DryRun, new CodeBatch(establishment.Uai.Value, establishment.Name, rows), _warnings);
        }

        /// <summary>A known person: back if they had left, names and class as the file says, a parent's children as the links say.</summary>
        private void Update(Account account, ImportedPerson person)
        {
            if (!Touchable(account))
            {
                List(account, ImportOperations.Unchanged);
                return;
            }

            List<Account>? children = null;
            if (person.Profile == Profile.Parent && (children = ChildrenOf(person)).Count == 0)
            {
                // A guardians file alone, whose children have all left or have no account: the parent has left too (if
                // already blocked, it is a leaver already: not listed again).
                Leave(account);
                return;
            }

            var returned = account.ReturnToSchool(now);
            var details = person.ToPersonDetails();
            var changed = returned || !account.Matches(details);
            if (!account.Matches(details))
            {
                account.UpdateFromRoster(details);
            }

            if (children is not null && account.Profile == Profile.Parent)
            {
                changed |= account.LinkChildren(children);
            }

            if (returned && account.Profile == Profile.Student)
            {
                _studentsMoved.Add(account);
            }

            if (!changed)
            {
                List(account, ImportOperations.Unchanged);
                return;
            }

            Updated(account, returned);
        }

        /// <summary>Listed as updated; a leaver back who never activated gets a new code (as a newcomer does).</summary>
        private void Updated(Account account, bool returned)
        {
            IssuedActivationCode? code = returned && account.Status == AccountStatus.Pending && !command.DryRun ? codes.Issue(account, now) : null;
            _updated.Add(account.Id.Value);
            List(account, ImportOperations.Updated, code);
        }

        private void Create(ImportedPerson person, Identifier baseIdentifier, Identifier identifier, HomonymCheck.Homonyms homonyms)
        {
            var details = person.ToPersonDetails();
            var children = person.Profile == Profile.Parent ? ChildrenOf(person) : null;
            if (children is { Count: 0 })
            {
                _warnings.Add(new ImportWarning(null, person.ExternalId, string.Empty,
                    $"{person.FirstName} {person.LastName} n’est pas créé(e) : aucun de ses enfants n’a de compte dans l’établissement (importez aussi le fichier des élèves)."));
                return;
            }

            var account = Account.CreatePending(identifier, details, establishment.Id, now);
            if (children is not null)
            {
                account.LinkChildren(children);
            }

            _byExternalId[person.ExternalId] = account;
            if (homonyms.Warning(details, baseIdentifier, identifier) is { } message)
            {
                _warnings.Add(new ImportWarning(null, person.ExternalId, identifier.Value, message));
            }

            _created.Add(account);
            List(account, ImportOperations.Created, command.DryRun ? null : codes.Issue(account, now));
        }

        /// <summary>The student accounts of a parent's children still at school.</summary>
        private List<Account> ChildrenOf(ImportedPerson parent) =>
            [.. parent.ChildExternalIds
                .Select(id => _byExternalId.GetValueOrDefault(id))
                .OfType<Account>()
                .Where(c => c.Profile == Profile.Student && AtSchool(c))];

        /// <summary>
        /// A students file without the guardians file: the SIECLE parents of the students who left or came back follow
        /// their children (docs/IMPORTS.md "Synchronisation"): a parent none of whose children is still at school leaves,
        /// a parent who had left and has a child back returns (a new code if never activated). A child the sync does not
        /// know (from a CSV, for instance) is taken as still at school.
        /// </summary>
        private async Task SettleParentsAsync(CancellationToken cancellationToken)
        {
            if (_studentsMoved.Count == 0)
            {
                return;
            }

            var byId = _byExternalId.Values.ToDictionary(a => a.Id);
            foreach (var parent in await accounts.FindParentsOfAsync([.. _studentsMoved.Select(s => s.Id)], cancellationToken))
            {
                if (!SchoolExternalIds.TryKindOf(parent.ExternalId, out var kind) || kind != ExportFileKind.Guardians || !Touchable(parent))
                {
                    continue;
                }

                if (parent.Children.Any(c => !byId.TryGetValue(c.ChildId, out var child) || AtSchool(child)))
                {
                    if (parent.ReturnToSchool(now))
                    {
                        Updated(parent, returned: true);
                    }
                }
                else
                {
                    Leave(parent);
                }
            }
        }

        /// <summary>Blocked « a quitté l’établissement » and listed as left; an account already blocked is neither.</summary>
        private void Leave(Account account)
        {
            if (account.LeaveSchool(now))
            {
                if (account.Profile == Profile.Student)
                {
                    _studentsMoved.Add(account);
                }

                List(account, ImportOperations.Left);
            }
        }

        private void List(Account account, string operation, IssuedActivationCode? code = null) =>
            _results.Add((new IssuedCodeDto(command.DryRun ? Guid.Empty : account.Id.Value, account.Identifier.Value, account.FirstName,
                account.LastName, account.Profile, account.ClassName, code?.Code, code?.ExpiresAt) { Operation = operation }, account));

        /// <summary>Whether a child counts as still at school for its parents: any student account not blocked.</summary>
        private static bool AtSchool(Account child) => child.Status != AccountStatus.Blocked;

        /// <summary>Administrators are never touched by a sync, nor accounts out of the actor's reach.</summary>
        private bool Touchable(Account account) => !account.HoldsAdministrationRole && access.Reaches(account);
    }
}
