using Ent77.Domain.Accounts;

namespace Ent77.Application.Administration.SchoolExports;

/// <summary>
/// Someone the export still lists but who is no longer at the school: not created, and blocked (« a quitté
/// l’établissement ») if they have an account.
/// </summary>
/// <param name="LeftOn">The <c>DATE_SORTIE</c> of a student who left; null otherwise.</param>
public sealed record ImportedLeaver(
    string ExternalId,
    Profile Profile,
    string FirstName,
    string LastName,
    LeavingReason Reason,
    DateOnly? LeftOn,
    ExportSource Source);
