using Ent77.Domain.Notifications;

namespace Ent77.Application.Notifications;

/// <summary>Where a message goes: an e-mail address or an E.164 mobile number, and the account it is about, if any.</summary>
public sealed record MessageRecipient(NotificationChannel Channel, string Address, Guid? AccountId = null)
{
    public static MessageRecipient Email(string address, Guid? accountId = null) => new(NotificationChannel.Email, address, accountId);

    public static MessageRecipient Sms(string e164, Guid? accountId = null) => new(NotificationChannel.Sms, e164, accountId);
}
