namespace Ent77.Application.Notifications.Messages;

/// <summary>To the address that was on file before a change: told of it, without the new address.</summary>
public sealed record EmailChangedMessage(string FirstName, string Identifier) : OutgoingMessage;
