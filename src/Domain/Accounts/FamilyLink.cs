namespace Ent77.Domain.Accounts;

/// <summary>
/// A parent's link to one of the children it is the legal guardian of (docs/IMPORTS.md "Families"): held by the
/// parent's <see cref="Account"/>, which checks that the child is a student of the same school.
/// </summary>
public sealed record FamilyLink(AccountId ChildId);
