using Ent77.Application.Notifications.Messages;

namespace Ent77.Infrastructure.Notifications.Rendering;

public sealed class PasswordChangedRenderer(EmailLayout layout) : MessageRenderer<PasswordChangedMessage>
{
    protected override EmailContent Email(PasswordChangedMessage message) => layout.Compose(
        $"{layout.ServiceName} : votre mot de passe a été modifié",
        EmailLayout.Greeting(message.FirstName),
        [
            $"Le mot de passe du compte {message.Identifier} vient d’être modifié. Toutes les sessions ouvertes ont été fermées.",
            "Si vous n’êtes pas à l’origine de ce changement, réinitialisez votre mot de passe depuis la page de connexion et prévenez votre établissement.",
        ]);
}
