using Ent77.Domain.Accounts;

namespace Ent77.Application.Administration;

/// <summary>
/// A code handed out once, with who it is for (the import and re-issue answer); a parent's letter also names its
/// <see cref="Children"/> (empty for everyone else).
/// </summary>
public sealed record IssuedCodeDto(
    Guid Id,
    string Identifier,
    string FirstName,
    string LastName,
    Profile Profile,
    string? ClassName,
    string? ActivationCode,
    DateTimeOffset? ExpiresAt)
{
    /// <summary>For letters and files only: the import and re-issue JSON keep their contract shape (docs/IMPORTS.md).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<FamilyMemberDto> Children { get; init; } = [];
}
