using Ent77.Application.Accounts.RemindIdentifier;
using Ent77.Application.Notifications.Messages;
using Mediator;

namespace Ent77.Application.Notifications.Handlers;

/// <summary>Sends the identifiers linked to an address.</summary>
public sealed class IdentifierReminderMessageHandler(INotificationOutbox outbox) : INotificationHandler<IdentifiersReminded>
{
    public ValueTask Handle(IdentifiersReminded notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        outbox.Enqueue(MessageRecipient.Email(notification.Recipient), new IdentifierReminderMessage(notification.Identifiers));
        return ValueTask.CompletedTask;
    }
}
