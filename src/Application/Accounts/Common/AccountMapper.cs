using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;

namespace Ent77.Application.Accounts.Common;

/// <summary>
/// An account and its establishment as the DTO shows them; administrators' scopes are shown by UAI. A plain projection:
/// the DTO takes a few of the aggregate's many members, which Mapperly could only do by ignoring the rest one by one.
/// </summary>
public static class AccountMapper
{
    /// <summary><paramref name="establishment"/> is null for a platform administrator, who belongs to no school.</summary>
    public static AccountDto ToDto(Account account, Establishment? establishment, IReadOnlyCollection<Establishment> administered)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(administered);
        var roles = account.Roles
            .Select(r => new RoleDto(r.Role.ToString(), administered.FirstOrDefault(e => e.Id == r.EstablishmentId)?.Uai.Value))
            .ToList();
        return new AccountDto(
            account.Id.Value,
            account.Identifier.Value,
            account.FirstName,
            account.LastName,
            account.Profile,
            account.ClassName,
            account.Status,
            account.Email?.Value,
            account.EmailConfirmedAt,
            account.MobilePhone?.E164,
            establishment is null ? null : ToRef(establishment),
            roles,
            account.ActivatedAt);
    }

    public static EstablishmentRefDto ToRef(Establishment establishment)
    {
        ArgumentNullException.ThrowIfNull(establishment);
        return new EstablishmentRefDto(establishment.Uai.Value, establishment.Name);
    }
}
