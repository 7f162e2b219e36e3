using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using Riok.Mapperly.Abstractions;

namespace Ent77.Application.Accounts.Common;

public sealed record EstablishmentRefDto(string Uai, string Name);

public sealed record RoleDto(string Role, string? Uai);

/// <summary>What a signed-in person sees of their account (DESIGN §4 <c>GET /api/account</c>).</summary>
public sealed record AccountDto(
    Guid Id,
    string Identifier,
    string FirstName,
    string LastName,
    Profile Profile,
    string? ClassName,
    AccountStatus Status,
    string? Email,
    DateTimeOffset? EmailConfirmedAt,
    string? MobilePhone,
    EstablishmentRefDto Establishment,
    IReadOnlyList<RoleDto> Roles,
    DateTimeOffset? ActivatedAt);

/// <summary>Maps an account and its establishment to the DTO; administrators' scopes are shown by UAI.</summary>
[Mapper]
public static partial class AccountMapper
{
    public static AccountDto ToDto(Account account, Establishment establishment, IReadOnlyCollection<Establishment> administered)
    {
        ArgumentNullException.ThrowIfNull(account);
        var roles = account.Roles
            .Select(r => new RoleDto(r.Role.ToString(), administered.FirstOrDefault(e => e.Id == r.EstablishmentId)?.Uai.Value))
            .ToList();
        return Map(account, ToRef(establishment), roles);
    }

    [MapperIgnoreSource(nameof(Account.ActivationCodes))]
    [MapperIgnoreSource(nameof(Account.PasswordHash))]
    [MapperIgnoreSource(nameof(Account.SecurityStamp))]
    [MapperIgnoreSource(nameof(Account.AcceptedTermsVersion))]
    [MapperIgnoreSource(nameof(Account.TermsAcceptedAt))]
    [MapperIgnoreSource(nameof(Account.FailedSignInCount))]
    [MapperIgnoreSource(nameof(Account.LockedUntil))]
    [MapperIgnoreSource(nameof(Account.CreatedAt))]
    [MapperIgnoreSource(nameof(Account.EstablishmentId))]
    [MapperIgnoreSource(nameof(Account.PasswordOwner))]
    [MapperIgnoreSource(nameof(Account.DomainEvents))]
    [MapperIgnoreSource(nameof(Account.Version))]
    [MapperIgnoreSource(nameof(Account.Roles))]
    [MapperIgnoreSource(nameof(Account.ResetRequests))]
    [MapperIgnoreSource(nameof(Account.BirthDate))]
    [MapperIgnoreSource(nameof(Account.ExternalId))]
    [MapperIgnoreSource(nameof(Account.EmailConfirmationHash))]
    [MapperIgnoreSource(nameof(Account.EmailConfirmationExpiresAt))]
    private static partial AccountDto Map(Account account, EstablishmentRefDto establishment, IReadOnlyList<RoleDto> roles);

    [MapperIgnoreSource(nameof(Establishment.Id))]
    [MapperIgnoreSource(nameof(Establishment.City))]
    [MapperIgnoreSource(nameof(Establishment.CreatedAt))]
    [MapperIgnoreSource(nameof(Establishment.DomainEvents))]
    [MapperIgnoreSource(nameof(Establishment.Version))]
    public static partial EstablishmentRefDto ToRef(Establishment establishment);

    private static Guid MapId(AccountId id) => id.Value;

    private static string MapIdentifier(Identifier identifier) => identifier.Value;

    private static string MapUai(Uai uai) => uai.Value;

    private static string? MapEmail(EmailAddress? email) => email?.Value;

    private static string? MapPhone(MobilePhone? phone) => phone?.E164;
}
