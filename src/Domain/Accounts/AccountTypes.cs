namespace Ent77.Domain.Accounts;

public readonly record struct AccountId(Guid Value)
{
    public static AccountId New() => new(Guid.CreateVersion7());

    public override string ToString() => Value.ToString();
}

public enum AccountStatus
{
    Pending,
    Active,
    Blocked,
}

/// <summary>Élève, Responsable légal, Enseignant, Personnel.</summary>
public enum Profile
{
    Student,
    Parent,
    Teacher,
    Staff,
}

public enum Role
{
    /// <summary>Administrator of one establishment (the grant carries its id).</summary>
    EstablishmentAdmin,

    /// <summary>Administrator of the whole platform.</summary>
    PlatformAdmin,
}
