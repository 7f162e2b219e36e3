using Ent77.Application.Administration.Access;
using Ent77.Application.Administration.ImportRoster;
using Ent77.Application.Administration.SchoolExports;
using Mediator;

namespace Ent77.Application.Administration.ImportSchoolExport;

/// <summary>
/// A school's SIECLE and STS-Web exports (one to three files): every problem is found first and nothing is written
/// unless there is none; then the school's accounts of the kinds the files carry are synchronised with them
/// (docs/IMPORTS.md "Synchronisation"). <paramref name="DryRun"/> writes nothing and says what would be done.
/// </summary>
public sealed record ImportSchoolExportCommand(Actor Actor, string? Uai, IReadOnlyList<SchoolExportFile> Files, bool DryRun)
    : ICommand<ImportResult>, IEstablishmentRequest;
