using Ent77.Application.Accounts;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;

namespace Ent77.Application.Administration;

/// <summary>
/// Finds the homonyms of the people an import creates (docs/IMPORTS.md "Homonyms"): a newcomer whose first and last
/// names give the same <c>prénom.nom</c> as an account of the school (or of someone created before them in the same
/// file), and whose birth date is the same when both have one. The newcomer is still created; the import lists a warning.
/// </summary>
public sealed class HomonymCheck(IAccountRepository accounts)
{
    /// <summary>
    /// The school's accounts that could be the homonyms of the newcomers, read once: those whose names give one of
    /// <paramref name="bases"/>, the newcomers' <see cref="Identifier.BaseFor"/> (which the caller computed already to
    /// reserve their identifiers).
    /// </summary>
    public async Task<Homonyms> LoadAsync(EstablishmentId school, IReadOnlyCollection<Identifier> bases, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bases);
        var existing = bases.Count == 0 ? [] : await accounts.FindByNameBasesAsync(school, [.. bases.DistinctBy(b => b.Value)], cancellationToken);
        return new Homonyms(existing.Select(a => new Known(Identifier.BaseFor(a.FirstName, a.LastName).Value, a.BirthDate, a.Identifier.Value)));
    }

    /// <summary>The people already there, and those created so far by the import.</summary>
    public sealed class Homonyms
    {
        private readonly Dictionary<string, List<Known>> _byName = new(StringComparer.Ordinal);

        internal Homonyms(IEnumerable<Known> existing)
        {
            foreach (var known in existing)
            {
                Add(known);
            }
        }

        /// <summary>
        /// The warning for a newcomer whose names give <paramref name="baseIdentifier"/> (<see cref="Identifier.BaseFor"/>)
        /// and who is given <paramref name="identifier"/>, or null; the newcomer is remembered for the next ones.
        /// </summary>
        public string? Warning(PersonDetails person, Identifier baseIdentifier, Identifier identifier)
        {
            ArgumentNullException.ThrowIfNull(person);
            ArgumentNullException.ThrowIfNull(baseIdentifier);
            ArgumentNullException.ThrowIfNull(identifier);
            var name = baseIdentifier.Value;
            var match = _byName.TryGetValue(name, out var list)
                ? list.FirstOrDefault(k => k.BirthDate is null || person.BirthDate is null || k.BirthDate == person.BirthDate)
                : null;
            Add(new Known(name, person.BirthDate, identifier.Value));
            return match is null
                ? null
                : $"Homonyme : {person.FirstName.Trim()} {person.LastName.Trim()} porte le même nom que le compte {match.Identifier} ; "
                    + $"le compte {identifier.Value} est créé. Vérifiez qu’il ne s’agit pas de la même personne.";
        }

        private void Add(Known known)
        {
            if (!_byName.TryGetValue(known.Name, out var list))
            {
                _byName.Add(known.Name, list = []);
            }

            list.Add(known);
        }
    }

    internal sealed record Known(string Name, DateOnly? BirthDate, string Identifier);
}
