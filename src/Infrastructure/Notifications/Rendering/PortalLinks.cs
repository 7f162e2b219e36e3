namespace Ent77.Infrastructure.Notifications.Rendering;

/// <summary>
/// The portal's addresses that messages link to, from <c>App:PublicBaseUrl</c>. A secret travels in the URL fragment,
/// never in a query string: it never reaches a server log.
/// </summary>
public sealed class PortalLinks(string baseUrl)
{
    public string SignIn => $"{baseUrl}/";

    public string LostPassword => $"{baseUrl}/mot-de-passe-oublie";

    public string PasswordReset(string token) => $"{baseUrl}/reinitialisation#token={token}";

    public string EmailConfirmation(string token) => $"{baseUrl}/confirmation-email#token={token}";

    public string HelpRequest(Guid id) => $"{baseUrl}/administration#aide/{id}";
}
