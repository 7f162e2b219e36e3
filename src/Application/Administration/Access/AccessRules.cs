namespace Ent77.Application.Administration.Access;

/// <summary>
/// A message only an administrator may send. <see cref="ActorAccountId"/> is the signed-in account; it is
/// null only for the operator at the service's command line, who is trusted.
/// </summary>
public interface IAdministrativeRequest
{
    Guid? ActorAccountId { get; }
}

/// <summary>Only a PlatformAdmin may send it.</summary>
public interface IPlatformAdminRequest : IAdministrativeRequest;

/// <summary>An administrator of the establishment <see cref="Uai"/> (or a PlatformAdmin) may send it.</summary>
public interface IEstablishmentRequest : IAdministrativeRequest
{
    string? Uai { get; }
}

/// <summary>An administrator of the establishment of the account <see cref="AccountId"/> (or a PlatformAdmin) may send it.</summary>
public interface IAccountAdministrationRequest : IAdministrativeRequest
{
    Guid AccountId { get; }
}
