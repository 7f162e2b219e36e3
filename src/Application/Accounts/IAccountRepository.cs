using Ent77.Domain.Accounts;

namespace Ent77.Application.Accounts;

public interface IAccountRepository
{
    Task<Account?> FindByIdentifierAsync(Identifier identifier, CancellationToken cancellationToken);

    Task<Account?> FindAsync(AccountId id, CancellationToken cancellationToken);

    /// <summary>
    /// An account to show, never to change (nothing read this way is saved): its roles and family links, without its
    /// codes and reset requests, untracked, with its establishment. One query, for <c>GET /api/account</c>.
    /// </summary>
    Task<AccountWithSchool?> FindForViewAsync(AccountId id, CancellationToken cancellationToken);

    /// <summary>The identifiers already taken that are one of <paramref name="bases"/> or one followed by a number.</summary>
    Task<HashSet<string>> TakenIdentifiersAsync(IReadOnlyCollection<Identifier> bases, CancellationToken cancellationToken);

    /// <summary>The establishment's accounts that carry one of these external ids (case ignored), by external id.</summary>
    Task<IReadOnlyDictionary<string, Account>> FindByExternalIdsAsync(
        Domain.Establishments.EstablishmentId establishmentId, IReadOnlyCollection<string> externalIds, CancellationToken cancellationToken);

    /// <summary>
    /// The establishment's pending accounts, narrowed by ids, class and profile when given; with a class and the profile
    /// <see cref="Profile.Parent"/>, the parents of that class's students.
    /// </summary>
    Task<IReadOnlyList<Account>> FindPendingAsync(
        Domain.Establishments.EstablishmentId establishmentId, IReadOnlyCollection<Guid>? ids, string? className, Profile? profile, CancellationToken cancellationToken);

    /// <summary>The account holding a password-reset request with this secret hash (live or not).</summary>
    Task<Account?> FindByResetSecretHashAsync(string secretHash, CancellationToken cancellationToken);

    /// <summary>The account whose e-mail confirmation link has this hash.</summary>
    Task<Account?> FindByEmailConfirmationHashAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Active accounts whose e-mail is this address (case ignored).</summary>
    Task<IReadOnlyList<Account>> FindActiveByEmailAsync(EmailAddress email, CancellationToken cancellationToken);

    /// <summary>The active administrators of the establishment who have an e-mail on file (not the platform's).</summary>
    Task<IReadOnlyList<Account>> FindAdministratorsAsync(Domain.Establishments.EstablishmentId establishmentId, CancellationToken cancellationToken);

    /// <summary>
    /// The establishment's accounts whose external id starts with one of <paramref name="prefixes"/> (lower case): the
    /// accounts of the sources and kinds a school export synchronises (docs/IMPORTS.md), as whole aggregates.
    /// </summary>
    Task<IReadOnlyList<Account>> FindByExternalIdPrefixesAsync(
        Domain.Establishments.EstablishmentId establishmentId, IReadOnlyCollection<string> prefixes, CancellationToken cancellationToken);

    /// <summary>Accounts to show, never to change (untracked, without codes and reset requests).</summary>
    Task<IReadOnlyList<Account>> FindManyForViewAsync(IReadOnlyCollection<AccountId> ids, CancellationToken cancellationToken);

    /// <summary>The parents linked to one of these children, as whole aggregates.</summary>
    Task<IReadOnlyList<Account>> FindParentsOfAsync(IReadOnlyCollection<AccountId> childIds, CancellationToken cancellationToken);

    /// <summary>The establishment's accounts whose identifier was made from one of these bases (to show, never to change).</summary>
    Task<IReadOnlyList<Account>> FindByNameBasesAsync(
        Domain.Establishments.EstablishmentId establishmentId, IReadOnlyCollection<Identifier> bases, CancellationToken cancellationToken);

    void Add(Account account);

    void AddRange(IReadOnlyCollection<Account> accounts);
}
