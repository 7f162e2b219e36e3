namespace Ent77.Application.Notifications.Messages;

/// <summary>« Votre mot de passe a été modifié »: after a change or a reset.</summary>
public sealed record PasswordChangedMessage(string FirstName, string Identifier) : OutgoingMessage;
