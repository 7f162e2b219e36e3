namespace Ent77.Domain.Accounts;

public enum Role
{
    /// <summary>Administrator of one establishment (the grant carries its id).</summary>
    EstablishmentAdmin,

    /// <summary>Administrator of the whole platform.</summary>
    PlatformAdmin,
}
