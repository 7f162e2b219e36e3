using Ent77.Domain.Accounts;

namespace Ent77.Application.Administration.SchoolExports;

/// <summary>
/// What an upload asks of the school's accounts (<see cref="SchoolExportMapper.Map"/>): the people to create or
/// update, the leavers, and which kinds of people the upload speaks for, so that a synchronisation touches only
/// those. When <see cref="Problems"/> is not empty, nothing is to be done: <see cref="People"/> and
/// <see cref="Leavers"/> are empty.
/// </summary>
/// <param name="Kinds">The kinds of file the upload carries, in the order students, guardians, staff.</param>
/// <param name="People">Students, then parents, then staff, each in file order; one entry per external id.</param>
public sealed record SchoolImportPlan(
    IReadOnlyList<ExportFileKind> Kinds,
    IReadOnlyList<ImportedPerson> People,
    IReadOnlyList<ImportedLeaver> Leavers,
    IReadOnlyList<SchoolExportProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;

    public bool Carries(ExportFileKind kind) => Kinds.Contains(kind);

    /// <summary>
    /// The external-id prefixes of the accounts this upload speaks for (<see cref="SchoolExternalIds"/>): an account
    /// with one of them that is neither in <see cref="People"/> nor already blocked has left.
    /// </summary>
    public IReadOnlyList<string> ExternalIdPrefixes => [.. Kinds.Select(SchoolExternalIds.PrefixOf)];

    /// <summary>Whether this upload speaks for accounts of that profile (staff files give both teachers and staff).</summary>
    public bool CarriesProfile(Profile profile) => profile switch
    {
        Profile.Student => Carries(ExportFileKind.Students),
        Profile.Parent => Carries(ExportFileKind.Guardians),
        Profile.Teacher or Profile.Staff => Carries(ExportFileKind.Staff),
        _ => false,
    };
}
