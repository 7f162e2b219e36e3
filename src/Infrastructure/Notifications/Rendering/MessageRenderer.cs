using System.Text.Json;
using Ent77.Application.Notifications;

namespace Ent77.Infrastructure.Notifications.Rendering;

/// <summary>The texts of one kind of message without a secret: an e-mail, and an SMS when it may go by SMS.</summary>
public abstract class MessageRenderer<TMessage> : IMessageRenderer
    where TMessage : OutgoingMessage
{
    public Type MessageType => typeof(TMessage);

    public EmailContent Email(string json, string? secret) => Email(Read(json));

    public string Sms(string json, string? secret) => Sms(Read(json));

    protected abstract EmailContent Email(TMessage message);

    protected virtual string Sms(TMessage message) => throw new NotSupportedException($"{typeof(TMessage).Name} is not sent by SMS.");

    private static TMessage Read(string json) =>
        JsonSerializer.Deserialize<TMessage>(json) ?? throw new InvalidOperationException($"The outbox row holds no {typeof(TMessage).Name}.");
}
