namespace Ent77.Application.Administration.SchoolExports;

/// <summary>
/// A <c>BEE_RESPONSABLES/DONNEES/PERSONNES/PERSONNE</c>: legal guardian or mere contact, as the links say.
/// </summary>
/// <param name="Id"><c>@PERSONNE_ID</c>.</param>
/// <param name="LastName"><c>NOM_USAGE</c> when not empty, else <c>NOM_DE_FAMILLE</c> (older files: <c>NOM</c>).</param>
/// <param name="FirstName"><c>PRENOM</c>.</param>
/// <param name="Email"><c>MEL</c> as given (not checked), null when empty.</param>
/// <param name="MobilePhone"><c>TEL_PORTABLE</c> as given (not checked), null when empty.</param>
public sealed record ExportedGuardian(
    string Id,
    string LastName,
    string FirstName,
    string? Email,
    string? MobilePhone,
    ExportSource Source);
