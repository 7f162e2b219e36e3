using Ent77.Domain.Support;

namespace Ent77.Application.Notifications.Messages;

/// <summary>To the requester: the request was resolved or rejected, with the school's note.</summary>
public sealed record HelpRequestOutcomeMessage(string FirstName, string Reference, string Establishment, HelpRequestStatus Outcome, string Note)
    : OutgoingMessage;
