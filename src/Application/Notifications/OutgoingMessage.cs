namespace Ent77.Application.Notifications;

/// <summary>
/// A message the service sends, without a secret. Each kind is a record of exactly the values its text needs, rendered
/// by its own renderer (<c>Infrastructure/Notifications/Rendering</c>); the outbox stores the record's type name and
/// its JSON.
/// </summary>
public abstract record OutgoingMessage;
