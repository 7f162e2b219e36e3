namespace Ent77.Application.Notifications.Messages;

/// <summary>To a new address: the link that confirms it (its token is the secret).</summary>
public sealed record EmailConfirmationMessage(string FirstName, string Identifier) : OutgoingSecretMessage;
