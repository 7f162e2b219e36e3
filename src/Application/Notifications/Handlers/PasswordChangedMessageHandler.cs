using Ent77.Application.Accounts;
using Ent77.Application.Common.Events;
using Ent77.Application.Notifications.Messages;
using Ent77.Domain.Accounts.Events;

namespace Ent77.Application.Notifications.Handlers;

/// <summary>Tells the address on file that the password changed (after a change or a reset), when there is one.</summary>
public sealed class PasswordChangedMessageHandler(IAccountRepository accounts, INotificationOutbox outbox) : OnDomainEvent<PasswordChanged>
{
    protected override async ValueTask HandleAsync(IReadOnlyList<PasswordChanged> events, CancellationToken cancellationToken)
    {
        foreach (var changed in events)
        {
            var account = await accounts.GetAsync(changed.AccountId, cancellationToken);
            if (account.Email is { } email)
            {
                outbox.Enqueue(MessageRecipient.Email(email.Value, account.Id.Value), new PasswordChangedMessage(account.FirstName, account.Identifier.Value));
            }
        }
    }
}
