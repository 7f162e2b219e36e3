using System.Diagnostics.CodeAnalysis;

namespace Ent77.Application.Administration.SchoolExports;

/// <summary>
/// The external ids of the people an export describes: <c>siecle:eleve:&lt;ELEVE_ID&gt;</c>,
/// <c>siecle:personne:&lt;PERSONNE_ID&gt;</c> and <c>sts:&lt;ID&gt;</c>. The prefix says the source and the kind, so a
/// synchronisation touches only the accounts of the kinds the upload carries (<see cref="PrefixOf"/>).
/// </summary>
public static class SchoolExternalIds
{
    public const string StudentPrefix = "siecle:eleve:";
    public const string GuardianPrefix = "siecle:personne:";
    public const string StaffPrefix = "sts:";

    public static string Student(string eleveId) => StudentPrefix + eleveId;

    public static string Guardian(string personneId) => GuardianPrefix + personneId;

    public static string Staff(string individuId) => StaffPrefix + individuId;

    /// <summary>The prefix of the external ids of the people a kind of file describes.</summary>
    public static string PrefixOf(ExportFileKind kind) => kind switch
    {
        ExportFileKind.Students => StudentPrefix,
        ExportFileKind.Guardians => GuardianPrefix,
        ExportFileKind.Staff => StaffPrefix,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind of file an external id comes from; false for ids of another source (a CSV's own ids).</summary>
    public static bool TryKindOf(string? externalId, [NotNullWhen(true)] out ExportFileKind? kind)
    {
        kind = externalId switch
        {
            not null when externalId.StartsWith(StudentPrefix, StringComparison.Ordinal) => ExportFileKind.Students,
            not null when externalId.StartsWith(GuardianPrefix, StringComparison.Ordinal) => ExportFileKind.Guardians,
            not null when externalId.StartsWith(StaffPrefix, StringComparison.Ordinal) => ExportFileKind.Staff,
            _ => null,
        };
        return kind is not null;
    }
}
