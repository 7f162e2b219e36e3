namespace Ent77.Application.Accounts.Common;

public sealed record RoleDto(string Role, string? Uai);
