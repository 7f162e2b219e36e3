using Ent77.Application.Notifications;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using Ent77.Domain.Notifications;
using Ent77.Domain.Support;

namespace Ent77.Application.Support;

/// <summary>The three messages of a help request: acknowledgement, school notification, outcome.</summary>
public static class SupportMessages
{
    public const string Acknowledgement = "help-request-acknowledgement";
    public const string NewRequest = "help-request-new";
    public const string Outcome = "help-request-outcome";

    /// <summary>To the requester: by e-mail when given, else by SMS when that service is open.</summary>
    public static OutgoingMessage? ToRequester(HelpRequest request, Establishment establishment, string template, bool smsEnabled)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(establishment);
        var data = new Dictionary<string, string>
        {
            ["firstName"] = request.Requester.FirstName,
            ["reference"] = request.Reference,
            ["establishment"] = establishment.Name,
            ["outcome"] = request.Status.ToString(),
            ["note"] = request.Note ?? string.Empty,
        };
        if (request.Requester.Email is { } email)
        {
            return new OutgoingMessage(NotificationChannel.Email, email.Value, template, data);
        }

        return smsEnabled && request.Requester.Phone is { } phone && MobilePhone.TryCreate(phone, out var mobile)
            ? new OutgoingMessage(NotificationChannel.Sms, mobile.E164, template, data)
            : null;
    }

    public static OutgoingMessage ToAdministrator(HelpRequest request, Establishment establishment, Account administrator) => new(
        NotificationChannel.Email,
        administrator.Email!.Value,
        NewRequest,
        new Dictionary<string, string>
        {
            ["firstName"] = administrator.FirstName,
            ["reference"] = request.Reference,
            ["establishment"] = establishment.Name,
            ["uai"] = establishment.Uai.Value,
            ["kind"] = request.Kind.ToString(),
            ["requester"] = $"{request.Requester.FirstName} {request.Requester.LastName}",
            ["id"] = request.Id.Value.ToString(),
        },
        AccountId: administrator.Id.Value);
}
