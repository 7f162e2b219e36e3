namespace Ent77.Application.Notifications.Messages;

/// <summary>The link that sets a new password (its token is the secret).</summary>
public sealed record PasswordResetLinkMessage(string FirstName, string Identifier) : OutgoingSecretMessage;
