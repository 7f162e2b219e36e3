using Ent77.Application.Administration.Access;
using Mediator;

namespace Ent77.Application.Administration.ImportRoster;

/// <summary>
/// A school's roster CSV: every row is checked first; then new people get an account, an identifier and a
/// code, and people already imported (same external id) are updated. <paramref name="DryRun"/> writes nothing.
/// A roster that would update an account out of the actor's reach (one holding an administration role, for a school
/// administrator) is refused whole (403). Each account created or updated gets its own audit row.
/// </summary>
public sealed record ImportRosterCommand(Actor Actor, string? Uai, Stream Csv, bool DryRun)
    : ICommand<ImportResult>, IEstablishmentRequest;
