namespace Ent77.TestSupport.SchoolExports;

/// <summary>A generated STS-Web <c>INDIVIDU</c> (names in capitals, as STS-Web gives them).</summary>
public sealed record GeneratedStaffMember(
    string Id,
    string Type,
    string UsageName,
    string BirthName,
    string FirstName,
    DateOnly? BirthDate,
    string? Function,
    bool Substitute);
