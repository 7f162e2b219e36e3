namespace Ent77.Domain.Common;

/// <summary>An operation that the aggregate's current state forbids (maps to 409).</summary>
public sealed class InvalidTransitionException(string code, string message) : DomainException(code, message);
