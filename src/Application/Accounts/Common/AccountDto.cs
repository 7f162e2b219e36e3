using Ent77.Domain.Accounts;

namespace Ent77.Application.Accounts.Common;

/// <summary>
/// What a signed-in person sees of their account (<c>GET /api/account</c>, docs/API.md); a parent also sees its children
/// (<see cref="Children"/>, empty for everyone else).
/// </summary>
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
    EstablishmentRefDto? Establishment,
    IReadOnlyList<RoleDto> Roles,
    DateTimeOffset? ActivatedAt)
{
    public IReadOnlyList<ChildDto> Children { get; init; } = [];
}
