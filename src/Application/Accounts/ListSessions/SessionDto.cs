namespace Ent77.Application.Accounts.ListSessions;

/// <summary>One session as « Mon espace » lists it; <see cref="Current"/> is the one making the request.</summary>
public sealed record SessionDto(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt, bool RememberMe, string Device, bool Current);
