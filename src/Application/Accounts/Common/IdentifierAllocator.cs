using Ent77.Domain.Accounts;

namespace Ent77.Application.Accounts.Common;

/// <summary>Gives a person the first free identifier of the platform (<c>jean.dupont</c>, then <c>jean.dupont2</c>…).</summary>
public sealed class IdentifierAllocator(IAccountRepository accounts)
{
    public async Task<Identifier> AllocateAsync(string firstName, string lastName, CancellationToken cancellationToken)
    {
        var baseIdentifier = Identifier.BaseFor(firstName, lastName);
        var taken = await accounts.TakenIdentifiersAsync(baseIdentifier, cancellationToken);
        return baseIdentifier.FirstFree(taken.Contains);
    }
}
