using System.Collections.Frozen;
using Ent77.Application.Common;
using Ent77.Infrastructure.Notifications.Rendering;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Ent77.Infrastructure.Notifications;

/// <summary>
/// Every message's renderer, found by the name an outbox row stores (<see cref="NameOf"/>, the message record's type
/// name): a new message is a record in <c>Application/Notifications/Messages</c> and its renderer, listed here.
/// </summary>
public sealed class MessageRenderers
{
    private readonly FrozenDictionary<string, IMessageRenderer> _byName;
    private readonly SmtpOptions _smtp;

    public MessageRenderers(IOptions<AppOptions> app, IOptions<RecoveryOptions> recovery, IOptions<SmtpOptions> smtp)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(recovery);
        ArgumentNullException.ThrowIfNull(smtp);
        _smtp = smtp.Value;
        var layout = new EmailLayout(app.Value.Name);
        var links = new PortalLinks(app.Value.BaseUrl);
        IMessageRenderer[] all =
        [
            new PasswordResetLinkRenderer(layout, links, recovery.Value),
            new PasswordResetSmsCodeRenderer(layout, recovery.Value),
            new PasswordChangedRenderer(layout),
            new IdentifierReminderRenderer(layout, links),
            new WelcomeRenderer(layout, links, recovery.Value),
            new EmailConfirmationRenderer(layout, links, recovery.Value),
            new EmailChangedRenderer(layout, links),
            new HelpRequestAcknowledgementRenderer(layout),
            new NewHelpRequestRenderer(layout, links),
            new HelpRequestOutcomeRenderer(layout),
        ];
        _byName = all.ToFrozenDictionary(r => NameOf(r.MessageType), StringComparer.Ordinal);
    }

    /// <summary>The message types that have a renderer.</summary>
    public IEnumerable<Type> MessageTypes => _byName.Values.Select(r => r.MessageType);

    /// <summary>The name an outbox row stores for a message of <paramref name="messageType"/>.</summary>
    public static string NameOf(Type messageType)
    {
        ArgumentNullException.ThrowIfNull(messageType);
        return messageType.Name;
    }

    public EmailContent Email(string messageName, string json, string? secret) => For(messageName).Email(json, secret);

    public string SmsText(string messageName, string json, string? secret) => For(messageName).Sms(json, secret);

    /// <summary>The MIME message of an outbox row, ready to send.</summary>
    public MimeMessage MimeFor(string recipient, string messageName, string json, string? secret)
    {
        var content = Email(messageName, json, secret);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(_smtp.From));
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

    private IMessageRenderer For(string messageName) =>
        _byName.TryGetValue(messageName, out var renderer) ? renderer : throw new InvalidOperationException($"No renderer for the message {messageName}.");
}
