namespace Ent77.TestSupport.SchoolExports;

/// <summary>
/// What <see cref="CollegeExportGenerator"/> makes. The defaults give a collège of the département: 1,000 students in
/// 36 divisions (6e to 3e, A to I), about 1,700 legal guardians, 80 staff, exported on 4 September 2026.
/// </summary>
public sealed record CollegeExportOptions
{
    public int Seed { get; init; } = 77;

    public string Uai { get; init; } = "0771234Y";

    /// <summary>The first calendar year of the school year (2026 for 2026-2027), as <c>ANNEE_SCOLAIRE</c>.</summary>
    public int SchoolYear { get; init; } = 2026;

    /// <summary>The export date; leavers have a <c>DATE_SORTIE</c> before it, late leavers one after it.</summary>
    public DateOnly ExportDate { get; init; } = new(2026, 9, 4);

    public int Students { get; init; } = 1000;

    /// <summary>Divisions per level (6e, 5e, 4e, 3e): 9 gives 6A…6I, 36 in all.</summary>
    public int DivisionsPerLevel { get; init; } = 9;

    /// <summary>Students who left during the previous year (<c>DATE_SORTIE</c> before <see cref="ExportDate"/>).</summary>
    public int LeftByDate { get; init; } = 24;

    /// <summary>Students in the pseudo-division <c>Inactifs</c> (no <c>DATE_SORTIE</c>).</summary>
    public int Inactive { get; init; } = 8;

    /// <summary>Students whose <c>DATE_SORTIE</c> is after the export date: still at school.</summary>
    public int LeavingLater { get; init; } = 6;

    /// <summary>Staff (distinct <c>ID</c>s) in STS-Web; <see cref="CollegeExportGenerator.StaffFunctions"/> gives the mix.</summary>
    public int Staff { get; init; } = 80;

    /// <summary>Files before 2018: <c>NOM</c> instead of <c>NOM_DE_FAMILLE</c>/<c>NOM_USAGE</c>, <c>RESP_LEGAL</c> 1/2/0 instead of <c>NIVEAU_RESPONSABILITE</c>.</summary>
    public bool Before2018 { get; init; }

    /// <summary>Another element order than the samples: <c>PARAMETRES</c> last, structures before students, links before persons, fields reversed.</summary>
    public bool ShuffledOrder { get; init; }
}
