namespace Ent77.Application.Notifications;

/// <summary>The messages the service sends (templates live with the senders, in Infrastructure).</summary>
public static class NotificationTemplates
{
    public const string PasswordResetLink = "password-reset-link";
    public const string PasswordResetSmsCode = "password-reset-sms-code";
    public const string PasswordChanged = "password-changed";
    public const string IdentifierReminder = "identifier-reminder";
    public const string Welcome = "welcome";
    public const string EmailConfirmation = "email-confirmation";
}

/// <summary>An e-mail or SMS to send after the current change commits. <paramref name="Secret"/> is stored encrypted.</summary>
public sealed record OutgoingMessage(
    Domain.Notifications.NotificationChannel Channel,
    string Recipient,
    string Template,
    IReadOnlyDictionary<string, string> Data,
    string? Secret = null,
    Guid? AccountId = null);

/// <summary>
/// Writes messages into the outbox of the current unit of work: they are committed with the change that
/// causes them, and delivered by a background job only once that commit succeeded.
/// </summary>
public interface INotificationOutbox
{
    void Enqueue(OutgoingMessage message);

    /// <summary>How many messages of <paramref name="templateName"/> went to <paramref name="recipient"/> since <paramref name="since"/>.</summary>
    Task<int> CountSinceAsync(string recipient, string templateName, DateTimeOffset since, CancellationToken cancellationToken);
}
