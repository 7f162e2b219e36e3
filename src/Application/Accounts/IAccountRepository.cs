using Ent77.Domain.Accounts;

namespace Ent77.Application.Accounts;

public interface IAccountRepository
{
    Task<Account?> FindByIdentifierAsync(Identifier identifier, CancellationToken cancellationToken);

    Task<Account?> FindAsync(AccountId id, CancellationToken cancellationToken);

    /// <summary>The identifiers already taken that are <paramref name="baseIdentifier"/> or it followed by a number.</summary>
    Task<IReadOnlySet<string>> TakenIdentifiersAsync(Identifier baseIdentifier, CancellationToken cancellationToken);

    void Add(Account account);
}
