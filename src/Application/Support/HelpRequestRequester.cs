using Ent77.Application.Notifications;
using Ent77.Domain.Accounts;
using Ent77.Domain.Support;

namespace Ent77.Application.Support;

public static class HelpRequestRequester
{
    /// <summary>
    /// Where the requester of a help request is answered: by e-mail when they gave one, else by SMS when that service is
    /// open and their phone is a mobile; nowhere otherwise. The address is in lower case, so that the daily cap of
    /// acknowledgements counts « Sophie@… » and « sophie@… » as the one address they are.
    /// </summary>
    public static MessageRecipient? Recipient(HelpRequest request, bool smsEnabled)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Requester.Email is { } email)
        {
            return MessageRecipient.Email(email.Value.ToLowerInvariant());
        }

        return smsEnabled && request.Requester.Phone is { } phone && MobilePhone.TryCreate(phone, out var mobile)
            ? MessageRecipient.Sms(mobile.E164)
            : null;
    }
}
