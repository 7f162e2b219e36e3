using Ent77.Application.Common;
using Ent77.Application.Notifications.Messages;

namespace Ent77.Infrastructure.Notifications.Rendering;

public sealed class WelcomeRenderer(EmailLayout layout, PortalLinks links, RecoveryOptions recovery) : SecretMessageRenderer<WelcomeMessage>
{
    protected override EmailContent Email(WelcomeMessage message, string secret) => layout.Compose(
        $"Bienvenue sur {layout.ServiceName}",
        EmailLayout.Greeting(message.FirstName),
        [
            $"Votre compte {message.Identifier} est activé. Vous vous connecterez désormais avec cet identifiant et votre mot de passe personnel.",
            "Cette adresse servira à retrouver votre mot de passe si vous l’oubliez. Confirmez-la en suivant ce lien :",
        ],
        links.EmailConfirmation(secret),
        "Confirmer mon adresse e-mail",
        [$"Le lien est valable {(int)recovery.EmailConfirmationLifetime.TotalDays} jours."]);
}
