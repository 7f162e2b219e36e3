using Ent77.Application.Notifications.Messages;

namespace Ent77.Infrastructure.Notifications.Rendering;

/// <summary>By e-mail, or by SMS when the requester gave only a mobile number.</summary>
public sealed class HelpRequestAcknowledgementRenderer(EmailLayout layout) : MessageRenderer<HelpRequestAcknowledgementMessage>
{
    protected override EmailContent Email(HelpRequestAcknowledgementMessage message) => layout.Compose(
        $"{layout.ServiceName} : votre demande d’aide {message.Reference}",
        EmailLayout.Greeting(null),
        [
            $"Votre demande a bien été transmise à l’établissement {message.Establishment}.",
            $"Sa référence est {message.Reference} : rappelez-la si vous contactez l’établissement.",
            "Un administrateur de l’établissement l’examinera et vous répondra à cette adresse.",
        ]);

    protected override string Sms(HelpRequestAcknowledgementMessage message) =>
        $"{layout.ServiceName} : votre demande d’aide {message.Reference} est transmise à {message.Establishment}.";
}
