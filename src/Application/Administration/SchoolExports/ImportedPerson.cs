using Ent77.Domain.Accounts;

namespace Ent77.Application.Administration.SchoolExports;

/// <summary>
/// A person an import creates, or updates when an account has the same <see cref="ExternalId"/>: an active student,
/// a legal guardian of at least one of them (a <see cref="Profile.Parent"/>), or an STS staff member. Names are
/// cased as docs/IMPORTS.md says (<see cref="PersonNameCasing"/>).
/// </summary>
/// <param name="ClassName">A student's division; null for the others.</param>
/// <param name="BirthDate">Students and staff, when the file gives it.</param>
/// <param name="Email">A guardian's <c>MEL</c>, as given (not checked): contact data, never the account's e-mail.</param>
/// <param name="MobilePhone">A guardian's <c>TEL_PORTABLE</c>, as given (not checked).</param>
/// <param name="ChildExternalIds">
/// A parent's children (students' external ids, in students-file order): those who have not left. When the upload
/// has no students file, every child the links name (whether they are still at school is then for the accounts to
/// tell). Empty for the others.
/// </param>
/// <param name="Source">The file and line of the person's element.</param>
public sealed record ImportedPerson(
    string ExternalId,
    Profile Profile,
    string FirstName,
    string LastName,
    string? ClassName,
    DateOnly? BirthDate,
    string? Email,
    string? MobilePhone,
    IReadOnlyList<string> ChildExternalIds,
    ExportSource Source)
{
    /// <summary>The details an account is created or updated with.</summary>
    public PersonDetails ToPersonDetails() => new(FirstName, LastName, Profile, ClassName, BirthDate, ExternalId);
}
