namespace Ent77.WebApi.Hosting;

/// <summary>Who may see a page: anyone, only people without a session (Connexion), or only signed-in people.</summary>
public enum PageAccess
{
    Anyone,
    SignedOut,
    SignedIn,
}
