namespace Ent77.TestSupport.SchoolExports;

/// <summary>A generated student as written (names as SIECLE gives them: family names in capitals).</summary>
public sealed record GeneratedStudent(
    string EleveId,
    string Elenoet,
    string FamilyName,
    string UsageName,
    string FirstName,
    DateOnly BirthDate,
    string Division,
    DateOnly? LeavingDate,
    int Family)
{
    /// <summary>The name a reader should take: <c>NOM_USAGE</c> when not empty, else <c>NOM_DE_FAMILLE</c>.</summary>
    public string LastName => UsageName.Length > 0 ? UsageName : FamilyName;
}
