namespace Ent77.Application.Administration;

/// <summary>
/// Reads a roster CSV, format only (docs/DOMAIN.md "Roster import"): UTF-8 with or without BOM, or Windows-1252;
/// delimiter <c>;</c>, <c>,</c> or tab, detected; headers <c>Nom</c>, <c>Prénom</c>, <c>Profil</c> and optional
/// <c>Classe</c>, <c>Date de naissance</c>, <c>Identifiant externe</c> (or their English names), matched ignoring case
/// and accents. The cells are not judged: <see cref="RosterValidator"/> does.
/// </summary>
public interface IRosterReader
{
    Task<RosterFile> ReadAsync(Stream csv, CancellationToken cancellationToken);
}
