namespace Ent77.Domain.Accounts;

/// <summary>Élève, Responsable légal, Enseignant, Personnel.</summary>
public enum Profile
{
    Student,
    Parent,
    Teacher,
    Staff,
}
