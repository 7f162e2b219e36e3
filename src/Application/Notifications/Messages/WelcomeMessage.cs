namespace Ent77.Application.Notifications.Messages;

/// <summary>After an activation: welcome, and the link that confirms the address (its token is the secret).</summary>
public sealed record WelcomeMessage(string FirstName, string Identifier) : OutgoingSecretMessage;
