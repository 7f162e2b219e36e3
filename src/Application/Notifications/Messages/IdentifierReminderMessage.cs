namespace Ent77.Application.Notifications.Messages;

/// <summary>« Identifiant oublié »: the identifiers of the active accounts linked to the address.</summary>
public sealed record IdentifierReminderMessage(IReadOnlyList<string> Identifiers) : OutgoingMessage;
