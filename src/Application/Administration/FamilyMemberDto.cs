using Ent77.Domain.Accounts;

namespace Ent77.Application.Administration;

/// <summary>A parent's child, or a student's parent, as lists and letters show them.</summary>
public sealed record FamilyMemberDto(Guid Id, string Identifier, string FirstName, string LastName, string? ClassName)
{
    public static FamilyMemberDto Of(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return new(account.Id.Value, account.Identifier.Value, account.FirstName, account.LastName, account.ClassName);
    }
}
