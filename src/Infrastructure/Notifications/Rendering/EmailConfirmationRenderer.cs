using Ent77.Application.Common;
using Ent77.Application.Notifications.Messages;

namespace Ent77.Infrastructure.Notifications.Rendering;

public sealed class EmailConfirmationRenderer(EmailLayout layout, PortalLinks links, RecoveryOptions recovery) : SecretMessageRenderer<EmailConfirmationMessage>
{
    protected override EmailContent Email(EmailConfirmationMessage message, string secret) => layout.Compose(
        $"{layout.ServiceName} : confirmez votre adresse e-mail",
        EmailLayout.Greeting(message.FirstName),
        [$"Cette adresse vient d’être indiquée pour le compte {message.Identifier}. Confirmez-la en suivant ce lien :"],
        links.EmailConfirmation(secret),
        "Confirmer mon adresse e-mail",
        [$"Le lien est valable {(int)recovery.EmailConfirmationLifetime.TotalDays} jours. Si vous n’avez rien demandé, ignorez ce message."]);
}
