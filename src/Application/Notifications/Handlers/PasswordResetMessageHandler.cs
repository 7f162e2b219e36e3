using Ent77.Application.Accounts;
using Ent77.Application.Common.Events;
using Ent77.Application.Notifications.Messages;
using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Events;

namespace Ent77.Application.Notifications.Handlers;

/// <summary>Sends a reset's secret: a link by e-mail, or a 6-digit code by SMS.</summary>
public sealed class PasswordResetMessageHandler(IAccountRepository accounts, INotificationOutbox outbox) : OnDomainEvent<PasswordResetRequested>
{
    protected override async ValueTask HandleAsync(IReadOnlyList<PasswordResetRequested> events, CancellationToken cancellationToken)
    {
        foreach (var requested in events)
        {
            var account = await accounts.GetAsync(requested.AccountId, cancellationToken);
            if (requested.Channel == ResetChannel.Email)
            {
                outbox.Enqueue(MessageRecipient.Email(account.Email!.Value, account.Id.Value),
                    new PasswordResetLinkMessage(account.FirstName, account.Identifier.Value), requested.Secret);
            }
            else
            {
                outbox.Enqueue(MessageRecipient.Sms(account.MobilePhone!.E164, account.Id.Value), new PasswordResetSmsCodeMessage(), requested.Secret);
            }
        }
    }
}
