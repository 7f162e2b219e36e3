using Ent77.Application.Common;
using Ent77.Application.Common.Events;
using Ent77.Application.Establishments;
using Ent77.Application.Notifications.Messages;
using Ent77.Application.Support;
using Ent77.Domain.Support.Events;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Notifications.Handlers;

/// <summary>
/// Acknowledges a help request to its requester, at most <see cref="MaxAcknowledgementsPerDay"/> a day per address or phone.
/// </summary>
public sealed class HelpRequestAcknowledgementHandler(
    IHelpRequestRepository requests, IEstablishmentRepository establishments, INotificationOutbox outbox, IOptions<RecoveryOptions> recovery)
    : OnDomainEvent<HelpRequestSubmitted>
{
    /// <summary>
    /// The form is anonymous, so it must not become a way to send mail to anyone: beyond this, requests are stored for the
    /// school but not acknowledged.
    /// </summary>
    public const int MaxAcknowledgementsPerDay = 3;

    protected override async ValueTask HandleAsync(IReadOnlyList<HelpRequestSubmitted> events, CancellationToken cancellationToken)
    {
        foreach (var submitted in events)
        {
            var request = await requests.GetAsync(submitted.HelpRequestId, cancellationToken);
            if (HelpRequestRequester.Recipient(request, recovery.Value.SmsEnabled) is not { } recipient
                || await outbox.CountSinceAsync<HelpRequestAcknowledgementMessage>(recipient.Address, submitted.OccurredAt.AddDays(-1), cancellationToken)
                    >= MaxAcknowledgementsPerDay)
            {
                continue;
            }

            var establishment = await establishments.GetAsync(submitted.EstablishmentId, cancellationToken);
            outbox.Enqueue(recipient, new HelpRequestAcknowledgementMessage(request.Reference, establishment.Name));
        }
    }
}
