namespace Ent77.Domain.Notifications;

/// <summary>
/// One message in the outbox: written in the same transaction as the change that causes it, delivered
/// by a background job, marked sent once. A secret it carries (a reset token or code) is stored
/// protected and erased as soon as the message is sent.
/// </summary>
public sealed class Notification
{
    private Notification()
    {
    }

    public Guid Id { get; private set; }

    public NotificationChannel Channel { get; private set; }

    /// <summary>An e-mail address or an E.164 mobile number.</summary>
    public string Recipient { get; private set; } = string.Empty;

    /// <summary>Which message: the name of its record type (<c>PasswordResetLinkMessage</c>…), which names its renderer.</summary>
    public string Template { get; private set; } = string.Empty;

    /// <summary>The message record, as JSON: its non-secret values (names, identifiers).</summary>
    public string Data { get; private set; } = "{}";

    /// <summary>The secret the message carries, encrypted; null once sent.</summary>
    public string? ProtectedSecret { get; private set; }

    public Guid? AccountId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>Set when delivery has been given up (kept for the operator).</summary>
    public DateTimeOffset? AbandonedAt { get; private set; }

    /// <summary>A worker holds the message until then (claimed atomically, so a job run twice sends once).</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }

    /// <summary>Which claim holds the message: a delivery job claims a batch in one statement, then reads back its own rows by this token.</summary>
    public Guid? ClaimToken { get; private set; }

    public static Notification Create(
        NotificationChannel channel, string recipient, string template, string data, string? protectedSecret, Guid? accountId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        ArgumentException.ThrowIfNullOrWhiteSpace(template);
        return new Notification
        {
            Id = Guid.CreateVersion7(),
            Channel = channel,
            Recipient = recipient,
            Template = template,
            Data = data,
            ProtectedSecret = protectedSecret,
            AccountId = accountId,
            CreatedAt = now,
        };
    }

    public void MarkSent(DateTimeOffset now)
    {
        if (SentAt is not null)
        {
            throw new InvalidOperationException($"Notification {Id} was already sent.");
        }

        SentAt = now;
        ProtectedSecret = null;
        LastError = null;
        NextAttemptAt = null;
        ClaimedUntil = null;
        ClaimToken = null;
        Attempts++;
    }

    /// <summary>Gives back a claimed message untried (its batch stopped before it): due again at once, no attempt counted.</summary>
    public void Release()
    {
        ClaimedUntil = null;
        ClaimToken = null;
    }

    /// <summary>A failed send: kept with its error; tried again at <paramref name="nextAttemptAt"/>, or abandoned when null.</summary>
    public void MarkFailed(string error, DateTimeOffset now, DateTimeOffset? nextAttemptAt)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        NextAttemptAt = nextAttemptAt;
        ClaimedUntil = null;
        ClaimToken = null;
        if (nextAttemptAt is null)
        {
            AbandonedAt = now;
            ProtectedSecret = null;
        }
    }
}
