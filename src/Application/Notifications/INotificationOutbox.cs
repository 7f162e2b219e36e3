using Ent77.Domain.Common;

namespace Ent77.Application.Notifications;

/// <summary>
/// Writes messages into the outbox of the current unit of work: they are committed with the change that
/// causes them, and delivered by a background job only once that commit succeeded.
/// </summary>
public interface INotificationOutbox
{
    void Enqueue(MessageRecipient recipient, OutgoingMessage message);

    /// <summary>A message with its secret, which is stored encrypted and erased once sent.</summary>
    void Enqueue(MessageRecipient recipient, OutgoingSecretMessage message, OneTimeSecret secret);

    /// <summary>How many messages of type <typeparamref name="TMessage"/> went to <paramref name="address"/> since <paramref name="since"/>.</summary>
    Task<int> CountSinceAsync<TMessage>(string address, DateTimeOffset since, CancellationToken cancellationToken)
        where TMessage : class;
}
