namespace Ent77.Application.Administration.Access;

/// <summary>
/// An administrator who has the account <see cref="AccountId"/> within reach (see <c>Account.IsInReachOf</c>) may send it:
/// an administrator of its school when it holds no administration role itself, or a PlatformAdmin.
/// </summary>
public interface IAccountAdministrationRequest : IAdministrativeRequest
{
    Guid AccountId { get; }
}
