using Ent77.Application.Notifications.Messages;
using Ent77.Domain.Support;

namespace Ent77.Infrastructure.Notifications.Rendering;

public sealed class NewHelpRequestRenderer(EmailLayout layout, PortalLinks links) : MessageRenderer<NewHelpRequestMessage>
{
    protected override EmailContent Email(NewHelpRequestMessage message) => layout.Compose(
        $"{layout.ServiceName} : nouvelle demande d’aide {message.Reference}",
        EmailLayout.Greeting(message.FirstName),
        [
            $"{message.Requester} a déposé une demande d’aide ({KindLabel(message.Kind)}) pour l’établissement {message.Establishment}.",
            "Elle attend qu’un administrateur la prenne en charge :",
        ],
        links.HelpRequest(message.HelpRequestId),
        "Voir la demande",
        [$"Référence : {message.Reference}."]);

    private static string KindLabel(HelpRequestKind kind) => kind switch
    {
        HelpRequestKind.Activation => "activation du compte",
        HelpRequestKind.LostPassword => "mot de passe perdu",
        _ => "autre demande",
    };
}
