namespace Ent77.Infrastructure.Notifications.Rendering;

/// <summary>Renders one kind of message from its outbox row (its JSON and, for a message that carries one, its secret).</summary>
public interface IMessageRenderer
{
    /// <summary>The message record this renderer writes.</summary>
    Type MessageType { get; }

    EmailContent Email(string json, string? secret);

    string Sms(string json, string? secret);
}
