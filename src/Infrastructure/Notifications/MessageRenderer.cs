using System.Net;
using System.Text.Json;
using Ent77.Application.Common;
using Ent77.Application.Notifications;
using Ent77.Application.Support;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Ent77.Infrastructure.Notifications;

/// <summary>A rendered e-mail: subject, plain text and HTML (French, branded with <c>App:Name</c>).</summary>
public sealed record EmailContent(string Subject, string Text, string Html);

/// <summary>
/// The French texts of every message. Links are built here, at delivery time, from <c>App:PublicBaseUrl</c>
/// and the decrypted secret, which travels in the URL fragment (never in a query string, never stored in clear).
/// </summary>
public sealed class MessageRenderer(IOptions<AppOptions> app, IOptions<RecoveryOptions> recovery, IOptions<SmtpOptions> smtp)
{
    public string ResetLink(string token) => $"{app.Value.BaseUrl}/reinitialisation#token={token}";

    public string ConfirmationLink(string token) => $"{app.Value.BaseUrl}/confirmation-email#token={token}";

    public string SmsText(string template, string? secret, IReadOnlyDictionary<string, string>? data = null) => template switch
    {
        SupportMessages.Acknowledgement =>
            $"{app.Value.Name} : votre demande d'aide {data?.GetValueOrDefault("reference")} est transmise à {data?.GetValueOrDefault("establishment")}.",
        SupportMessages.Outcome =>
            $"{app.Value.Name} : réponse à votre demande {data?.GetValueOrDefault("reference")} : {data?.GetValueOrDefault("note")}",
        NotificationTemplates.PasswordResetSmsCode =>
            $"{app.Value.Name} : votre code de réinitialisation est {Required(secret)}. Il est valable {(int)recovery.Value.SmsCodeLifetime.TotalMinutes} minutes. Ne le communiquez à personne.",
        _ => throw new InvalidOperationException($"No SMS template named {template}."),
    };

    public EmailContent Email(string template, IReadOnlyDictionary<string, string> data, string? secret)
    {
        var name = app.Value.Name;
        var hello = data.TryGetValue("firstName", out var first) ? $"Bonjour {first}," : "Bonjour,";
        var identifier = data.GetValueOrDefault("identifier", string.Empty);
        return template switch
        {
            NotificationTemplates.PasswordResetLink => Compose(
                $"{name} : réinitialisation de votre mot de passe",
                hello,
                [
                    $"Vous avez demandé à réinitialiser le mot de passe du compte {identifier}.",
                    $"Ce lien est valable {(int)recovery.Value.EmailTokenLifetime.TotalMinutes} minutes et ne sert qu'une fois :",
                ],
                ResetLink(Required(secret)),
                "Choisir un nouveau mot de passe",
                ["Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe ne change pas."]),
            NotificationTemplates.PasswordChanged => Compose(
                $"{name} : votre mot de passe a été modifié",
                hello,
                [
                    $"Le mot de passe du compte {identifier} vient d'être modifié. Toutes les sessions ouvertes ont été fermées.",
                    "Si vous n'êtes pas à l'origine de ce changement, réinitialisez votre mot de passe depuis la page de connexion et prévenez votre établissement.",
                ]),
            NotificationTemplates.IdentifierReminder => Compose(
                $"{name} : vos identifiants",
                "Bonjour,",
                [
                    "Voici les identifiants des comptes associés à cette adresse e-mail :",
                    .. data.GetValueOrDefault("identifiers", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(i => $"• {i}"),
                    "Connectez-vous avec l'un d'eux et votre mot de passe personnel.",
                ],
                $"{app.Value.BaseUrl}/",
                "Aller à la page de connexion",
                ["Si vous n'avez rien demandé, ignorez ce message."]),
            NotificationTemplates.Welcome => Compose(
                $"Bienvenue sur {name}",
                hello,
                [
                    $"Votre compte {identifier} est activé. Vous vous connecterez désormais avec cet identifiant et votre mot de passe personnel.",
                    "Cette adresse servira à retrouver votre mot de passe si vous l'oubliez. Confirmez-la en suivant ce lien :",
                ],
                ConfirmationLink(Required(secret)),
                "Confirmer mon adresse e-mail",
                [$"Le lien est valable {(int)recovery.Value.EmailConfirmationLifetime.TotalDays} jours."]),
            NotificationTemplates.EmailConfirmation => Compose(
                $"{name} : confirmez votre adresse e-mail",
                hello,
                [$"Cette adresse vient d'être indiquée pour le compte {identifier}. Confirmez-la en suivant ce lien :"],
                ConfirmationLink(Required(secret)),
                "Confirmer mon adresse e-mail",
                [$"Le lien est valable {(int)recovery.Value.EmailConfirmationLifetime.TotalDays} jours. Si vous n'avez rien demandé, ignorez ce message."]),
            SupportMessages.Acknowledgement => Compose(
                $"{name} : votre demande d'aide {data.GetValueOrDefault("reference")}",
                hello,
                [
                    $"Votre demande a bien été transmise à l'établissement {data.GetValueOrDefault("establishment")}.",
                    $"Sa référence est {data.GetValueOrDefault("reference")} : rappelez-la si vous contactez l'établissement.",
                    "Un administrateur de l'établissement l'examinera et vous répondra à cette adresse.",
                ]),
            SupportMessages.NewRequest => Compose(
                $"{name} : nouvelle demande d'aide {data.GetValueOrDefault("reference")}",
                hello,
                [
                    $"{data.GetValueOrDefault("requester")} a déposé une demande d'aide ({KindLabel(data.GetValueOrDefault("kind"))}) pour l'établissement {data.GetValueOrDefault("establishment")}.",
                    "Elle attend qu'un administrateur la prenne en charge :",
                ],
                $"{app.Value.BaseUrl}/administration#aide/{data.GetValueOrDefault("id")}",
                "Voir la demande",
                [$"Référence : {data.GetValueOrDefault("reference")}."]),
            SupportMessages.Outcome => Compose(
                $"{name} : réponse à votre demande {data.GetValueOrDefault("reference")}",
                hello,
                [
                    data.GetValueOrDefault("outcome") == "Resolved"
                        ? $"Votre demande {data.GetValueOrDefault("reference")} a été traitée par l'établissement {data.GetValueOrDefault("establishment")}."
                        : $"L'établissement {data.GetValueOrDefault("establishment")} n'a pas pu donner suite à votre demande {data.GetValueOrDefault("reference")}.",
                    $"Message de l'établissement : {data.GetValueOrDefault("note")}",
                ]),
            _ => throw new InvalidOperationException($"No e-mail template named {template}."),
        };
    }

    private static string KindLabel(string? kind) => kind switch
    {
        "Activation" => "activation du compte",
        "LostPassword" => "mot de passe perdu",
        _ => "autre demande",
    };

    /// <summary>The MIME message of an outbox row, ready to send.</summary>
    public MimeMessage MimeFor(string recipient, string template, string dataJson, string? secret)
    {
        var data = JsonSerializer.Deserialize<Dictionary<string, string>>(dataJson) ?? [];
        var content = Email(template, data, secret);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.Value.From));
        message.To.Add(MailboxAddress.Parse(recipient));
        message.Subject = content.Subject;
        message.Body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html }.ToMessageBody();

        // Readable as written (a .eml file can be read, its link copied); MailKit re-encodes for a relay without 8BITMIME.
        foreach (var part in message.BodyParts.OfType<TextPart>())
        {
            part.ContentTransferEncoding = ContentEncoding.EightBit;
        }

        return message;
    }

    private EmailContent Compose(
        string subject, string greeting, IReadOnlyList<string> before, string? link = null, string? linkLabel = null, IReadOnlyList<string>? after = null)
    {
        after ??= [];
        var signature = $"L'équipe {app.Value.Name}";
        var text = string.Join(Environment.NewLine + Environment.NewLine,
            new[] { greeting }.Concat(before).Concat(link is null ? [] : [link]).Concat(after).Append(signature));
        var html = $"""
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><title>{Encode(subject)}</title></head>
            <body style="font-family: Arial, sans-serif; color: #1e1e1e; max-width: 36rem;">
            <p style="font-size: 1.2rem; font-weight: bold; color: #000091;">{Encode(app.Value.Name)}</p>
            <p>{Encode(greeting)}</p>
            {string.Concat(before.Select(p => $"<p>{Encode(p)}</p>"))}
            {(link is null ? string.Empty : $"<p><a href=\"{Encode(link)}\" style=\"background: #000091; color: #fff; padding: .6rem 1rem; text-decoration: none;\">{Encode(linkLabel ?? link)}</a></p><p style=\"font-size: .85rem;\">Ou copiez cette adresse : {Encode(link)}</p>")}
            {string.Concat(after.Select(p => $"<p>{Encode(p)}</p>"))}
            <p>{Encode(signature)}</p>
            </body></html>
            """;
        return new EmailContent(subject, text, html);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);

    private static string Required(string? secret) =>
        secret ?? throw new InvalidOperationException("This message needs its secret, which is gone (already sent or abandoned).");
}
