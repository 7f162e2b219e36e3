using Ent77.Application.Administration.Access;
using Mediator;

namespace Ent77.Application.Establishments.IssueAdministrator;

/// <summary>
/// Creates an administrator's Staff account with its code: of the establishment <paramref name="Uai"/>, or of the
/// platform (<paramref name="PlatformAdmin"/>, no UAI: a PlatformAdmin belongs to no school).
/// </summary>
public sealed record IssueAdministratorCommand(Actor Actor, string? Uai, string? FirstName, string? LastName, bool PlatformAdmin = false)
    : ICommand<IssuedAdministratorDto>, IPlatformAdminRequest;
