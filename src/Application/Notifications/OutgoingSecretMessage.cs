namespace Ent77.Application.Notifications;

/// <summary>
/// A message that carries a one-time secret (a link's token, an SMS code). The secret is not a field of the record: it is
/// handed to the outbox beside it, stored encrypted, given to the renderer at delivery and erased once sent.
/// </summary>
public abstract record OutgoingSecretMessage;
