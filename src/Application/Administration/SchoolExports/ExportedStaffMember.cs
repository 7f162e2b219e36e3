namespace Ent77.Application.Administration.SchoolExports;

/// <summary>An <c>STS_EDT</c> <c>INDIVIDU</c> (in <c>INDIVIDUS</c> or <c>SUPPLEANTS</c>).</summary>
/// <param name="Id"><c>@ID</c>.</param>
/// <param name="Type"><c>@TYPE</c> (<c>epp</c>: national staff, <c>local</c>: staff the school added), null when absent.</param>
/// <param name="LastName"><c>NOM_USAGE</c> when not empty, else <c>NOM_PATRONYMIQUE</c>.</param>
/// <param name="FirstName"><c>PRENOM</c>.</param>
/// <param name="BirthDate"><c>DATE_NAISSANCE</c> (yyyy-mm-dd).</param>
/// <param name="Function"><c>FONCTION</c> (<c>ENS</c> teaching, <c>DIR</c>, <c>EDU</c>, <c>DOC</c>…), null when absent or empty.</param>
public sealed record ExportedStaffMember(
    string Id,
    string? Type,
    string LastName,
    string FirstName,
    DateOnly? BirthDate,
    string? Function,
    ExportSource Source);
