using Ent77.Application.Common;
using Ent77.Application.Notifications.Messages;

namespace Ent77.Infrastructure.Notifications.Rendering;

public sealed class PasswordResetLinkRenderer(EmailLayout layout, PortalLinks links, RecoveryOptions recovery) : SecretMessageRenderer<PasswordResetLinkMessage>
{
    protected override EmailContent Email(PasswordResetLinkMessage message, string secret) => layout.Compose(
        $"{layout.ServiceName} : réinitialisation de votre mot de passe",
        EmailLayout.Greeting(message.FirstName),
        [
            $"Vous avez demandé à réinitialiser le mot de passe du compte {message.Identifier}.",
            $"Ce lien est valable {(int)recovery.EmailTokenLifetime.TotalMinutes} minutes et ne sert qu’une fois :",
        ],
        links.PasswordReset(secret),
        "Choisir un nouveau mot de passe",
        ["Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe ne change pas."]);
}
