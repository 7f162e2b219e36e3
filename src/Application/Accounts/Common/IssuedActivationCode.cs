namespace Ent77.Application.Accounts.Common;

/// <summary>A code handed out once, in clear, to be printed: only its hash stays.</summary>
public sealed record IssuedActivationCode(string Code, DateTimeOffset ExpiresAt);
