namespace Ent77.Application.Administration.Access;

/// <summary>An administrator of the establishment <see cref="Uai"/> (or a PlatformAdmin) may send it.</summary>
public interface IEstablishmentRequest : IAdministrativeRequest
{
    string? Uai { get; }
}
