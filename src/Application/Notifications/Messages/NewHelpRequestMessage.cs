using Ent77.Domain.Support;

namespace Ent77.Application.Notifications.Messages;

/// <summary>To each administrator of the school: a help request waits to be taken in hand.</summary>
public sealed record NewHelpRequestMessage(
    string FirstName, Guid HelpRequestId, string Reference, HelpRequestKind Kind, string Requester, string Establishment) : OutgoingMessage;
