namespace Ent77.Domain.Common;

/// <summary>One broken rule: a stable code and its French message.</summary>
public sealed record DomainError(string Code, string Message);
