using Ent77.Application.Accounts;
using Ent77.Application.Common;
using Ent77.Application.Common.Events;
using Ent77.Application.Common.Ports;
using Ent77.Application.Notifications.Messages;
using Ent77.Domain.Accounts.Events;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Notifications.Handlers;

/// <summary>
/// After new contact details: an address not confirmed yet, and with no confirmation under way (a new one, or one given
/// before confirmation existed), gets a link that confirms it.
/// </summary>
public sealed class EmailConfirmationMessageHandler(
    IAccountRepository accounts, IRecoverySecrets secrets, INotificationOutbox outbox, IOptions<RecoveryOptions> recovery)
    : OnDomainEvent<ContactDetailsChanged>
{
    protected override async ValueTask HandleAsync(IReadOnlyList<ContactDetailsChanged> events, CancellationToken cancellationToken)
    {
        foreach (var changed in events)
        {
            var account = await accounts.GetAsync(changed.AccountId, cancellationToken);
            if (account.EmailConfirmedAt is not null || account.EmailConfirmationHash is not null)
            {
                continue;
            }

            var token = secrets.NewLinkToken();
            account.StartEmailConfirmation(token.Hash, changed.OccurredAt, recovery.Value.EmailConfirmationLifetime);
            outbox.Enqueue(MessageRecipient.Email(account.Email!.Value, account.Id.Value),
                new EmailConfirmationMessage(account.FirstName, account.Identifier.Value), token);
        }
    }
}
