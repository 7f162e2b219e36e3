namespace Ent77.Application.Notifications.Messages;

/// <summary>
/// To the requester of a help request, by e-mail or SMS. It goes to an address typed by an anonymous visitor: it carries
/// nothing they typed (no name, no message), only the reference and the school's name, so it cannot carry someone
/// else's text.
/// </summary>
public sealed record HelpRequestAcknowledgementMessage(string Reference, string Establishment) : OutgoingMessage;
