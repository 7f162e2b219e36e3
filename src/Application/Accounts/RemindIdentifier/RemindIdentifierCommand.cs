using Mediator;

namespace Ent77.Application.Accounts.RemindIdentifier;

/// <summary>« Identifiant oublié » by e-mail address. Always accepted the same way.</summary>
public sealed record RemindIdentifierCommand(string? Email) : ICommand<Unit>;
