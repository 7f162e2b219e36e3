namespace Ent77.Application.Administration.SchoolExports;

/// <summary>
/// A <c>BEE_ELEVES/DONNEES/ELEVES/ELEVE</c>, as the file gives it (values trimmed, empty text as empty string).
/// </summary>
/// <param name="Id"><c>@ELEVE_ID</c>, the stable SIECLE id.</param>
/// <param name="Elenoet"><c>@ELENOET</c>, the school's own number, when present.</param>
/// <param name="LastName"><c>NOM_USAGE</c> when not empty, else <c>NOM_DE_FAMILLE</c> (files before 2018: <c>NOM</c>).</param>
/// <param name="FirstName"><c>PRENOM</c>.</param>
/// <param name="BirthDate"><c>DATE_NAISS</c> (dd/mm/yyyy).</param>
/// <param name="LeavingDate"><c>DATE_SORTIE</c> (dd/mm/yyyy), when set.</param>
/// <param name="Division">The <c>CODE_STRUCTURE</c> of the <c>STRUCTURES/STRUCTURES_ELEVE[@ELEVE_ID]/STRUCTURE</c> whose <c>TYPE_STRUCTURE</c> is <c>D</c>.</param>
public sealed record ExportedStudent(
    string Id,
    string? Elenoet,
    string LastName,
    string FirstName,
    DateOnly? BirthDate,
    DateOnly? LeavingDate,
    string? Division,
    ExportSource Source);
