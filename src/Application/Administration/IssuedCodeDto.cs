using System.Text.Json.Serialization;
using Ent77.Domain.Accounts;

namespace Ent77.Application.Administration;

/// <summary>
/// A code handed out once, with who it is for (the import and re-issue answer). A parent also names its
/// <see cref="Children"/> (empty for everyone else); an import's rows say what it does to each person
/// (<see cref="Operation"/>, one of <see cref="ImportOperations"/>; absent from a re-issue's).
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
    /// <summary>An import's row: <c>created</c>, <c>updated</c>, <c>unchanged</c> or <c>left</c>; null (and not written) for a re-issue.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Operation { get; init; }

    /// <summary>A parent's children still at school (its letter names them; the preview shows them).</summary>
    public IReadOnlyList<FamilyMemberDto> Children { get; init; } = [];
}
