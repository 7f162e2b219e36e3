namespace Ent77.Application.Administration.SchoolExports;

/// <summary>
/// A <c>BEE_RESPONSABLES/DONNEES/RESPONSABLES/RESPONSABLE_ELEVE</c>: which person is responsible for which student,
/// and how. Files since 2018 give <paramref name="ResponsibilityLevel"/> (<c>NIVEAU_RESPONSABILITE</c>: 1 legal
/// guardian, 2 person in charge, 3 contact); older ones <paramref name="LegalResponsible"/> (<c>RESP_LEGAL</c>:
/// 1 or 2 legal guardian, 0 other). At least one of the two is set.
/// </summary>
public sealed record ExportedGuardianLink(
    string StudentId,
    string GuardianId,
    int? ResponsibilityLevel,
    int? LegalResponsible,
    ExportSource Source);
