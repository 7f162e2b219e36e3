using System.Text.Json;
using Ent77.Application.Notifications;

namespace Ent77.Infrastructure.Notifications.Rendering;

/// <summary>The texts of one kind of message that carries a secret, given at delivery (decrypted from the outbox row).</summary>
public abstract class SecretMessageRenderer<TMessage> : IMessageRenderer
    where TMessage : OutgoingSecretMessage
{
    public Type MessageType => typeof(TMessage);

    public EmailContent Email(string json, string? secret) => Email(Read(json), Required(secret));

    public string Sms(string json, string? secret) => Sms(Read(json), Required(secret));

    protected abstract EmailContent Email(TMessage message, string secret);

    protected virtual string Sms(TMessage message, string secret) => throw new NotSupportedException($"{typeof(TMessage).Name} is not sent by SMS.");

    private static TMessage Read(string json) =>
        JsonSerializer.Deserialize<TMessage>(json) ?? throw new InvalidOperationException($"The outbox row holds no {typeof(TMessage).Name}.");

    private static string Required(string? secret) =>
        secret ?? throw new InvalidOperationException("This message needs its secret, which is gone (already sent or abandoned).");
}
