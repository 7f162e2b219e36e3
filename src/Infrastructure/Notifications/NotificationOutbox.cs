using System.Text.Json;
using Ent77.Application.Notifications;
using Ent77.Domain.Notifications;
using Ent77.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Ent77.Infrastructure.Notifications;

/// <summary>Adds messages to the unit of work's DbContext; their secret is encrypted with Data Protection.</summary>
internal sealed class NotificationOutbox(Ent77DbContext db, OutboxSecretProtector protector, TimeProvider time) : INotificationOutbox
{
    public void Enqueue(OutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        db.Notifications.Add(Notification.Create(
            message.Channel,
            message.Recipient,
            message.Template,
            JsonSerializer.Serialize(message.Data),
            message.Secret is null ? null : protector.Protect(message.Secret),
            message.AccountId,
            time.GetUtcNow()));
    }

    public Task<int> CountSinceAsync(string recipient, string templateName, DateTimeOffset since, CancellationToken cancellationToken) =>
        db.Notifications.CountAsync(n => n.Recipient == recipient && n.Template == templateName && n.CreatedAt >= since, cancellationToken);
}

/// <summary>Encrypts the secrets that wait in the outbox (keys shared through the database).</summary>
public sealed class OutboxSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Ent77.Notifications.Secret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
