namespace Ent77.Domain.Notifications;

public enum NotificationChannel
{
    Email,
    Sms,
}
