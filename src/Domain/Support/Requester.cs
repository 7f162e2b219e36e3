using Ent77.Domain.Accounts;

namespace Ent77.Domain.Support;

/// <summary>Who asks for help and how to answer them: a name, and an e-mail and/or a phone (at least one).</summary>
public sealed record Requester(string FirstName, string LastName, EmailAddress? Email, string? Phone);
