using System.Net;

namespace Ent77.Infrastructure.Notifications.Rendering;

/// <summary>
/// The frame of every e-mail, in French, branded with <c>App:Name</c>: a greeting, paragraphs, at most one link shown as
/// a button (and in clear, to copy), more paragraphs, the signature. Plain text and HTML say the same; HTML encodes
/// every value (a name typed by someone is never markup).
/// </summary>
public sealed class EmailLayout(string serviceName)
{
    public string ServiceName { get; } = serviceName;

    /// <summary>« Bonjour Sophie, », or « Bonjour, » without a name.</summary>
    public static string Greeting(string? firstName) => string.IsNullOrEmpty(firstName) ? "Bonjour," : $"Bonjour {firstName},";

    public EmailContent Compose(
        string subject, string greeting, IReadOnlyList<string> before, string? link = null, string? linkLabel = null, IReadOnlyList<string>? after = null)
    {
        after ??= [];
        var signature = $"L’équipe {ServiceName}";
        var text = string.Join(Environment.NewLine + Environment.NewLine,
            new[] { greeting }.Concat(before).Concat(link is null ? [] : [link]).Concat(after).Append(signature));
        var html = $"""
            <!DOCTYPE html>
            <html lang="fr"><head><meta charset="utf-8"><title>{Encode(subject)}</title></head>
            <body style="font-family: Arial, sans-serif; color: #1e1e1e; max-width: 36rem;">
            <p style="font-size: 1.2rem; font-weight: bold; color: #000091;">{Encode(ServiceName)}</p>
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
}
