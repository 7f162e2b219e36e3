namespace Ent77.TestSupport.SchoolExports;

/// <summary>A generated <c>PERSONNE</c> of the guardians file.</summary>
public sealed record GeneratedPerson(
    string PersonneId,
    string Civility,
    string FamilyName,
    string UsageName,
    string FirstName,
    string? Email,
    string? MobilePhone,
    int Family)
{
    public string LastName => UsageName.Length > 0 ? UsageName : FamilyName;
}
