using Ent77.Application.Notifications.Messages;

namespace Ent77.Infrastructure.Notifications.Rendering;

public sealed class EmailChangedRenderer(EmailLayout layout, PortalLinks links) : MessageRenderer<EmailChangedMessage>
{
    protected override EmailContent Email(EmailChangedMessage message) => layout.Compose(
        $"{layout.ServiceName} : votre adresse e-mail a été changée",
        EmailLayout.Greeting(message.FirstName),
        [
            $"L’adresse e-mail du compte {message.Identifier} vient d’être remplacée par une autre. Ce message est envoyé à l’ancienne adresse, qui ne recevra plus les messages du compte.",
            "Si vous n’êtes pas à l’origine de ce changement, réinitialisez votre mot de passe depuis la page de connexion et prévenez votre établissement.",
        ],
        links.LostPassword,
        "Réinitialiser mon mot de passe");
}
