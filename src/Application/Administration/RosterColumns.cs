namespace Ent77.Application.Administration;

/// <summary>The names under which roster problems are reported (the French names of the columns).</summary>
public static class RosterColumns
{
    /// <summary>The column of the problems that concern the whole file.</summary>
    public const string File = "fichier";

    public const string LastName = "Nom";
    public const string FirstName = "Prénom";
    public const string Profile = "Profil";
    public const string ClassName = "Classe";
    public const string BirthDate = "Date de naissance";
    public const string ExternalId = "Identifiant externe";
    public const string Children = "Enfants";
}
