using Ent77.Application.Common;
using Ent77.Application.Common.Events;
using Ent77.Application.Establishments;
using Ent77.Application.Notifications.Messages;
using Ent77.Application.Support;
using Ent77.Domain.Support.Events;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Notifications.Handlers;

/// <summary>Tells the requester how their help request ended, with the school's note.</summary>
public sealed class HelpRequestOutcomeMessageHandler(
    IHelpRequestRepository requests, IEstablishmentRepository establishments, INotificationOutbox outbox, IOptions<RecoveryOptions> recovery)
    : OnDomainEvent<HelpRequestClosed>
{
    protected override async ValueTask HandleAsync(IReadOnlyList<HelpRequestClosed> events, CancellationToken cancellationToken)
    {
        foreach (var closed in events)
        {
            var request = await requests.GetAsync(closed.HelpRequestId, cancellationToken);
            if (HelpRequestRequester.Recipient(request, recovery.Value.SmsEnabled) is not { } recipient)
            {
                continue;
            }

            var establishment = await establishments.GetAsync(closed.EstablishmentId, cancellationToken);
            outbox.Enqueue(recipient, new HelpRequestOutcomeMessage(
                request.Requester.FirstName, request.Reference, establishment.Name, closed.Outcome, request.Note ?? string.Empty));
        }
    }
}
