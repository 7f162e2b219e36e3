using Ent77.Application.Accounts;
using Ent77.Application.Common.Events;
using Ent77.Application.Notifications.Messages;
using Ent77.Domain.Accounts.Events;

namespace Ent77.Application.Notifications.Handlers;

/// <summary>After an address change: the previous address is told, without the new one.</summary>
public sealed class EmailChangedMessageHandler(IAccountRepository accounts, INotificationOutbox outbox) : OnDomainEvent<ContactDetailsChanged>
{
    protected override async ValueTask HandleAsync(IReadOnlyList<ContactDetailsChanged> events, CancellationToken cancellationToken)
    {
        foreach (var changed in events.Where(e => e.EmailChanged && e.PreviousEmail is not null))
        {
            var account = await accounts.GetAsync(changed.AccountId, cancellationToken);
            outbox.Enqueue(MessageRecipient.Email(changed.PreviousEmail!.Value, account.Id.Value),
                new EmailChangedMessage(account.FirstName, account.Identifier.Value));
        }
    }
}
