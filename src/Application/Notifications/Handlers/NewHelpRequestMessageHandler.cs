using Ent77.Application.Accounts;
using Ent77.Application.Common.Events;
using Ent77.Application.Establishments;
using Ent77.Application.Notifications.Messages;
using Ent77.Application.Support;
using Ent77.Domain.Support.Events;

namespace Ent77.Application.Notifications.Handlers;

/// <summary>Tells each active administrator of the school, who has an e-mail on file, that a help request waits.</summary>
public sealed class NewHelpRequestMessageHandler(
    IHelpRequestRepository requests, IEstablishmentRepository establishments, IAccountRepository accounts, INotificationOutbox outbox)
    : OnDomainEvent<HelpRequestSubmitted>
{
    protected override async ValueTask HandleAsync(IReadOnlyList<HelpRequestSubmitted> events, CancellationToken cancellationToken)
    {
        foreach (var submitted in events)
        {
            var request = await requests.GetAsync(submitted.HelpRequestId, cancellationToken);
            var establishment = await establishments.GetAsync(submitted.EstablishmentId, cancellationToken);
            foreach (var administrator in await accounts.FindAdministratorsAsync(submitted.EstablishmentId, cancellationToken))
            {
                outbox.Enqueue(MessageRecipient.Email(administrator.Email!.Value, administrator.Id.Value), new NewHelpRequestMessage(
                    administrator.FirstName, request.Id.Value, request.Reference, request.Kind,
                    $"{request.Requester.FirstName} {request.Requester.LastName}", establishment.Name));
            }
        }
    }
}
