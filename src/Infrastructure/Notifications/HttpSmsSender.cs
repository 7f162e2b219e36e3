using System.Net.Http.Headers;
using System.Net.Http.Json;
using Ent77.Application.Notifications;
using Microsoft.Extensions.Options;

namespace Ent77.Infrastructure.Notifications;

/// <summary>
/// An HTTP SMS gateway: <c>POST Sms:Endpoint</c> with a bearer <c>Sms:ApiKey</c> and the JSON
/// <c>{"to":"+33612345678","text":"…","sender":"ENT77"}</c>; any non-2xx answer is a failure (retried).
/// </summary>
public sealed class HttpSmsSender(HttpClient http, IOptions<SmsOptions> options) : ISmsSender
{
    public async Task SendAsync(string e164, string text, CancellationToken cancellationToken)
    {
        var sms = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, sms.Endpoint ?? throw new InvalidOperationException("Sms:Endpoint is not set."))
        {
            Content = JsonContent.Create(new { to = e164, text, sender = sms.Sender }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sms.ApiKey);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"SMS gateway answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }
}
