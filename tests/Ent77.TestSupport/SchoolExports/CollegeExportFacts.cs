namespace Ent77.TestSupport.SchoolExports;

/// <summary>
/// What a generated export holds, counted by the generator from the people it made (not by any reader): what a
/// correct reading and mapping must find.
/// </summary>
public sealed record CollegeExportFacts
{
    /// <summary><c>ELEVE</c> elements.</summary>
    public required int Students { get; init; }

    /// <summary>Divisions students are in, <c>Inactifs</c> not counted.</summary>
    public required int Divisions { get; init; }

    /// <summary>Students with a <c>DATE_SORTIE</c> before the export date.</summary>
    public required int LeftByDate { get; init; }

    /// <summary>Students in <c>Inactifs</c>.</summary>
    public required int Inactive { get; init; }

    /// <summary>Students with a <c>DATE_SORTIE</c> after the export date (still at school).</summary>
    public required int LeavingLater { get; init; }

    /// <summary>Students still at school.</summary>
    public required int ActiveStudents { get; init; }

    /// <summary>Active students whose first and last name, folded as identifiers fold them (case, accents, hyphens), another active student also has.</summary>
    public required int ActiveStudentsSharingAName { get; init; }

    public required int Families { get; init; }

    /// <summary>Families with two or three children at the school.</summary>
    public required int FamiliesWithSiblings { get; init; }

    /// <summary><c>PERSONNE</c> elements.</summary>
    public required int Persons { get; init; }

    /// <summary><c>RESPONSABLE_ELEVE</c> elements.</summary>
    public required int Links { get; init; }

    /// <summary>Persons who are a legal guardian (level 1) of at least one student.</summary>
    public required int LegalGuardians { get; init; }

    /// <summary>Legal guardians of at least one student still at school: the Parent accounts.</summary>
    public required int Parents { get; init; }

    /// <summary>Parents with two or three children still at school.</summary>
    public required int ParentsWithSeveralChildren { get; init; }

    /// <summary>Legal guardians whose children have all left.</summary>
    public required int GuardiansOfLeaversOnly { get; init; }

    /// <summary>Persons at level 2 (« personne en charge »), not legal guardians.</summary>
    public required int LevelTwo { get; init; }

    /// <summary>Persons at level 3 (contacts).</summary>
    public required int LevelThree { get; init; }

    /// <summary><c>INDIVIDU</c> elements (a substitute listed twice counts twice).</summary>
    public required int StaffElements { get; init; }

    /// <summary>Distinct staff <c>ID</c>s.</summary>
    public required int Staff { get; init; }

    /// <summary>Staff with <c>FONCTION</c> <c>ENS</c>.</summary>
    public required int Teachers { get; init; }

    /// <summary>Staff with another <c>FONCTION</c>, or none.</summary>
    public required int OtherStaff { get; init; }

    /// <summary>Staff without <c>FONCTION</c>.</summary>
    public required int StaffWithoutFunction { get; init; }

    /// <summary>Staff listed in <c>SUPPLEANTS</c>.</summary>
    public required int Substitutes { get; init; }
}
