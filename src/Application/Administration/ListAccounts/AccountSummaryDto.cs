using Ent77.Domain.Accounts;

namespace Ent77.Application.Administration.ListAccounts;

/// <summary>One account of the administration list; a parent's <see cref="Children"/> and a student's <see cref="Parents"/> (empty otherwise).</summary>
public sealed record AccountSummaryDto(
    Guid Id, string Identifier, string FirstName, string LastName, Profile Profile, string? ClassName, AccountStatus Status,
    DateTimeOffset? ActivatedAt, DateTimeOffset? CodeExpiresAt, bool HasLiveCode)
{
    public IReadOnlyList<FamilyMemberDto> Children { get; init; } = [];

    public IReadOnlyList<FamilyMemberDto> Parents { get; init; } = [];
}
