using Mediator;

namespace Ent77.Application.Accounts.ConfirmEmail;

/// <summary>The link of a welcome or confirmation e-mail was followed. False when the token is unknown or expired.</summary>
public sealed record ConfirmEmailCommand(string? Token) : ICommand<bool>;
