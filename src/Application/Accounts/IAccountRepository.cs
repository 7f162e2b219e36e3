using Ent77.Domain.Accounts;

namespace Ent77.Application.Accounts;

public interface IAccountRepository
{
    Task<Account?> FindByIdentifierAsync(Identifier identifier, CancellationToken cancellationToken);

    Task<Account?> FindAsync(AccountId id, CancellationToken cancellationToken);

    /// <summary>The identifiers already taken that are <paramref name="baseIdentifier"/> or it followed by a number.</summary>
    Task<IReadOnlySet<string>> TakenIdentifiersAsync(Identifier baseIdentifier, CancellationToken cancellationToken);

    /// <summary>The account holding a password-reset request with this secret hash (live or not).</summary>
    Task<Account?> FindByResetSecretHashAsync(string secretHash, CancellationToken cancellationToken);

    /// <summary>The account whose e-mail confirmation link has this hash.</summary>
    Task<Account?> FindByEmailConfirmationHashAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Active accounts whose e-mail is this address (case ignored).</summary>
    Task<IReadOnlyList<Account>> FindActiveByEmailAsync(EmailAddress email, CancellationToken cancellationToken);

    void Add(Account account);
}
