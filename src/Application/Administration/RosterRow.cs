using Ent77.Domain.Accounts;

namespace Ent77.Application.Administration;

/// <summary>
/// One person of a school's CSV roster, as read and checked (line numbers count the header as line 1).
/// <paramref name="ChildExternalIds"/>: a parent's children (the <c>Enfants</c> column), null when not given.
/// </summary>
public sealed record RosterRow(
    int LineNumber,
    string LastName,
    string FirstName,
    Profile Profile,
    string? ClassName,
    DateOnly? BirthDate,
    string? ExternalId,
    IReadOnlyList<string>? ChildExternalIds = null);
