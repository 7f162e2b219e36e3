namespace Ent77.Application.Administration.Access;

/// <summary>Only a PlatformAdmin may send it.</summary>
public interface IPlatformAdminRequest : IAdministrativeRequest;
