using Ent77.Application.Notifications.Messages;
using Ent77.Domain.Support;

namespace Ent77.Infrastructure.Notifications.Rendering;

/// <summary>By e-mail, or by SMS when the requester gave only a mobile number.</summary>
public sealed class HelpRequestOutcomeRenderer(EmailLayout layout) : MessageRenderer<HelpRequestOutcomeMessage>
{
    protected override EmailContent Email(HelpRequestOutcomeMessage message) => layout.Compose(
        $"{layout.ServiceName} : réponse à votre demande {message.Reference}",
        EmailLayout.Greeting(message.FirstName),
        [
            message.Outcome == HelpRequestStatus.Resolved
                ? $"Votre demande {message.Reference} a été traitée par l’établissement {message.Establishment}."
                : $"L’établissement {message.Establishment} n’a pas pu donner suite à votre demande {message.Reference}.",
            $"Message de l’établissement : {message.Note}",
        ]);

    protected override string Sms(HelpRequestOutcomeMessage message) =>
        $"{layout.ServiceName} : réponse à votre demande {message.Reference} : {message.Note}";
}
