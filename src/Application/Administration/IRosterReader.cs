using Ent77.Domain.Accounts;

namespace Ent77.Application.Administration;

/// <summary>One person of a school's CSV roster, as read and checked (line numbers count the header as line 1).</summary>
public sealed record RosterRow(
    int LineNumber,
    string LastName,
    string FirstName,
    Profile Profile,
    string? ClassName,
    DateOnly? BirthDate,
    string? ExternalId);

/// <summary>One problem of a roster: where (line, column as named in the file or expected) and why, in French.</summary>
public sealed record RosterError(int LineNumber, string Column, string Reason);

/// <summary>Every row of a roster, or every problem it has (then no row is to be used).</summary>
public sealed record RosterReadResult(IReadOnlyList<RosterRow> Rows, IReadOnlyList<RosterError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads a roster CSV (DESIGN §3 "Bulk issuance"): UTF-8 with or without BOM, or Windows-1252; delimiter
/// <c>;</c>, <c>,</c> or tab, detected; headers <c>Nom</c>, <c>Prénom</c>, <c>Profil</c> and optional
/// <c>Classe</c>, <c>Date de naissance</c>, <c>Identifiant externe</c> (or their English names), matched
/// ignoring case and accents. The whole file is checked: every bad row is reported.
/// </summary>
public interface IRosterReader
{
    Task<RosterReadResult> ReadAsync(Stream csv, CancellationToken cancellationToken);
}
