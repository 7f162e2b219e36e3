using Ent77.Application.Notifications.Messages;

namespace Ent77.Infrastructure.Notifications.Rendering;

public sealed class IdentifierReminderRenderer(EmailLayout layout, PortalLinks links) : MessageRenderer<IdentifierReminderMessage>
{
    protected override EmailContent Email(IdentifierReminderMessage message) => layout.Compose(
        $"{layout.ServiceName} : vos identifiants",
        EmailLayout.Greeting(null),
        [
            "Voici les identifiants des comptes associés à cette adresse e-mail :",
            .. message.Identifiers.Select(i => $"• {i}"),
            "Connectez-vous avec l’un d’eux et votre mot de passe personnel.",
        ],
        links.SignIn,
        "Aller à la page de connexion",
        ["Si vous n’avez rien demandé, ignorez ce message."]);
}
