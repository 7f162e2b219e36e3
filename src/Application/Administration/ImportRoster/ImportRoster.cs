using Ent77.Application.Accounts;
using Ent77.Application.Accounts.Common;
using Ent77.Application.Administration.Access;
using Ent77.Application.Common.Ports;
using Ent77.Application.Establishments;
using Ent77.Domain.Accounts;
using Ent77.Domain.Auditing;
using Ent77.Domain.Establishments;
using Mediator;

namespace Ent77.Application.Administration.ImportRoster;

/// <summary>
/// A school's roster CSV: every row is checked first; then new people get an account, an identifier and a
/// code, and people already imported (same external id) are updated. <paramref name="DryRun"/> writes nothing.
/// </summary>
public sealed record ImportRosterCommand(Guid? ActorAccountId, string? Uai, Stream Csv, bool DryRun)
    : ICommand<ImportResult>, IEstablishmentRequest;

/// <summary>What an import did (or, on a dry run, would do). Codes appear once, here, and never again.</summary>
public sealed record ImportResult(int Created, int Updated, bool DryRun, CodeBatch Batch);

/// <summary>The roster has problems: nothing was written.</summary>
public sealed class RosterInvalidException(IReadOnlyList<RosterError> errors)
    : Exception($"Le fichier comporte {errors.Count} erreur(s) : rien n'a été importé.")
{
    public IReadOnlyList<RosterError> Errors { get; } = errors;
}

public sealed class ImportRosterHandler(
    IRosterReader reader,
    IEstablishmentRepository establishments,
    IAccountRepository accounts,
    IdentifierAllocator identifiers,
    ActivationCodeIssuer codes,
    IAuditLog audit,
    TimeProvider time) : ICommandHandler<ImportRosterCommand, ImportResult>
{
    public async ValueTask<ImportResult> Handle(ImportRosterCommand command, CancellationToken cancellationToken)
    {
        var establishment = await establishments.GetScopedAsync(command.Uai, cancellationToken);
        var roster = await reader.ReadAsync(command.Csv, cancellationToken);
        if (!roster.IsValid)
        {
            throw new RosterInvalidException(roster.Errors);
        }

        var now = time.GetUtcNow();
        var externalIds = roster.Rows.Where(r => r.ExternalId is not null).Select(r => r.ExternalId!).ToList();
        var known = externalIds.Count == 0
            ? new Dictionary<string, Account>()
            : await accounts.FindByExternalIdsAsync(establishment.Id, externalIds, cancellationToken);
        var newRows = roster.Rows.Where(r => r.ExternalId is null || !known.ContainsKey(r.ExternalId)).ToList();
        var bases = newRows.Select(r => Identifier.BaseFor(r.FirstName, r.LastName)).ToList();
        var reservation = await identifiers.ReserveAsync(bases.Distinct().ToList(), cancellationToken);

        var results = new List<IssuedCodeDto>(roster.Rows.Count);
        var created = new List<Account>(newRows.Count);
        var newIndex = 0;
        foreach (var row in roster.Rows)
        {
            var person = new PersonDetails(row.FirstName, row.LastName, row.Profile, row.ClassName, row.BirthDate, row.ExternalId);
            if (row.ExternalId is not null && known.TryGetValue(row.ExternalId, out var existing))
            {
                if (!command.DryRun)
                {
                    existing.UpdateFromRoster(person);
                }

                results.Add(new IssuedCodeDto(existing.Id.Value, existing.Identifier.Value, person.FirstName, person.LastName, person.Profile, person.ClassName, null, null));
                continue;
            }

            var identifier = reservation.Next(bases[newIndex++]);
            if (command.DryRun)
            {
                results.Add(new IssuedCodeDto(Guid.Empty, identifier.Value, person.FirstName, person.LastName, person.Profile, person.ClassName, null, null));
                continue;
            }

            var account = Account.CreatePending(identifier, person, establishment.Id, now);
            var code = codes.Issue(account, now);
            created.Add(account);
            results.Add(new IssuedCodeDto(account.Id.Value, identifier.Value, account.FirstName, account.LastName, account.Profile, account.ClassName, code.Code, code.ExpiresAt));
        }

        var updated = roster.Rows.Count - newRows.Count;
        if (!command.DryRun)
        {
            accounts.AddRange(created);
            audit.Record(AuditEvent.Record(AuditTypes.RosterImported, now, establishmentId: establishment.Id.Value, actorAccountId: command.ActorAccountId,
                details: $"{created.Count} compte(s) créé(s) avec leur code, {updated} mis à jour"));
        }

        return new ImportResult(newRows.Count, updated, command.DryRun, new CodeBatch(establishment.Uai.Value, establishment.Name, results));
    }
}
