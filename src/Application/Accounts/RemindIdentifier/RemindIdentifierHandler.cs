using Ent77.Application.Common;
using Ent77.Application.Notifications;
using Ent77.Application.Notifications.Messages;
using Ent77.Domain.Accounts;
using Mediator;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Accounts.RemindIdentifier;

/// <summary>Sends the identifiers of the active accounts linked to that address, at most a few times an hour.</summary>
public sealed class RemindIdentifierHandler(
    IAccountRepository accounts, INotificationOutbox outbox, IPublisher publisher, IOptions<RecoveryOptions> options, TimeProvider time)
    : ICommandHandler<RemindIdentifierCommand, Unit>
{
    public async ValueTask<Unit> Handle(RemindIdentifierCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        EmailAddress.TryCreate(command.Email, out var email);
        var linked = await accounts.FindActiveByEmailAsync(email!, cancellationToken);
        if (linked.Count == 0)
        {
            return Unit.Value;
        }

        var recipient = linked[0].Email!.Value;
        var sent = await outbox.CountSinceAsync<IdentifierReminderMessage>(recipient, now - TimeSpan.FromHours(1), cancellationToken);
        if (sent >= options.Value.MaxMessagesPerHour)
        {
            return Unit.Value;
        }

        var identifiers = linked.Select(a => a.Identifier.Value).Order(StringComparer.Ordinal).ToList();
        await publisher.Publish(new IdentifiersReminded(recipient, identifiers, linked[0].Id.Value, linked[0].EstablishmentId?.Value, now), cancellationToken);
        return Unit.Value;
    }
}
