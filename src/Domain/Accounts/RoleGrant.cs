using Ent77.Domain.Establishments;

namespace Ent77.Domain.Accounts;

/// <summary>A role held by an account; <see cref="EstablishmentId"/> scopes <see cref="Role.EstablishmentAdmin"/>.</summary>
public sealed record RoleGrant(Role Role, EstablishmentId? EstablishmentId);
