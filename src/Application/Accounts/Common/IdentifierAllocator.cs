using Ent77.Domain.Accounts;

namespace Ent77.Application.Accounts.Common;

/// <summary>
/// Gives people the first free identifiers of the platform (<c>jean.dupont</c>, then <c>jean.dupont2</c>…),
/// also among the people of one batch: the identifiers taken are read once for all the bases.
/// </summary>
public sealed class IdentifierAllocator(IAccountRepository accounts)
{
    public async Task<Identifier> AllocateAsync(string firstName, string lastName, CancellationToken cancellationToken)
    {
        var baseIdentifier = Identifier.BaseFor(firstName, lastName);
        return (await ReserveAsync([baseIdentifier], cancellationToken)).Next(baseIdentifier);
    }

    public async Task<IdentifierReservation> ReserveAsync(IReadOnlyCollection<Identifier> bases, CancellationToken cancellationToken) =>
        new(await accounts.TakenIdentifiersAsync(bases, cancellationToken));
}
