using System.Text.Json;
using Ent77.Application.Notifications;
using Ent77.Domain.Common;
using Ent77.Domain.Notifications;
using Ent77.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ent77.Infrastructure.Notifications;

/// <summary>
/// Adds messages to the unit of work's DbContext: the record's type name (<see cref="MessageRenderers.NameOf"/>) and its
/// JSON; a secret beside it, encrypted with Data Protection.
/// </summary>
internal sealed class NotificationOutbox(Ent77DbContext db, OutboxSecretProtector protector, TimeProvider time) : INotificationOutbox
{
    public void Enqueue(MessageRecipient recipient, OutgoingMessage message) => Add(recipient, message, null);

    public void Enqueue(MessageRecipient recipient, OutgoingSecretMessage message, OneTimeSecret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        Add(recipient, message, protector.Protect(secret.Value));
    }

    public Task<int> CountSinceAsync<TMessage>(string address, DateTimeOffset since, CancellationToken cancellationToken)
        where TMessage : class
    {
        var name = MessageRenderers.NameOf(typeof(TMessage));
        return db.Notifications.CountAsync(n => n.Recipient == address && n.Template == name && n.CreatedAt >= since, cancellationToken);
    }

    private void Add(MessageRecipient recipient, object message, string? protectedSecret)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(message);
        db.Notifications.Add(Notification.Create(
            recipient.Channel,
            recipient.Address,
            MessageRenderers.NameOf(message.GetType()),
            JsonSerializer.Serialize(message, message.GetType()),
            protectedSecret,
            recipient.AccountId,
            time.GetUtcNow()));
    }
}
