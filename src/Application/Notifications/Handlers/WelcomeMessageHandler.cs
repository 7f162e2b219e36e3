using Ent77.Application.Accounts;
using Ent77.Application.Common;
using Ent77.Application.Common.Events;
using Ent77.Application.Common.Ports;
using Ent77.Application.Notifications.Messages;
using Ent77.Domain.Accounts.Events;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Notifications.Handlers;

/// <summary>After an activation: starts the confirmation of the address given, and welcomes the person with its link.</summary>
public sealed class WelcomeMessageHandler(
    IAccountRepository accounts, IRecoverySecrets secrets, INotificationOutbox outbox, IOptions<RecoveryOptions> recovery)
    : OnDomainEvent<AccountActivated>
{
    protected override async ValueTask HandleAsync(IReadOnlyList<AccountActivated> events, CancellationToken cancellationToken)
    {
        foreach (var activated in events)
        {
            var account = await accounts.GetAsync(activated.AccountId, cancellationToken);
            var token = secrets.NewLinkToken();
            account.StartEmailConfirmation(token.Hash, activated.OccurredAt, recovery.Value.EmailConfirmationLifetime);
            outbox.Enqueue(
                MessageRecipient.Email(account.Email!.Value, account.Id.Value), new WelcomeMessage(account.FirstName, account.Identifier.Value), token);
        }
    }
}
