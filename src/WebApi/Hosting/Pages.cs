using Microsoft.AspNetCore.StaticAssets.Infrastructure;

namespace Ent77.WebApi.Hosting;

/// <summary>
/// The people's pages: templates in <c>wwwroot</c> put in the one layout by <see cref="PageLayout"/>, served on the
/// API's origin under the same strict Content-Security-Policy. Each page has a clean French address, the one that
/// e-mails, letters and notifications link to (<c>/reinitialisation#token=…</c>, <c>/activation#identifier=…&amp;code=…</c>,
/// <c>/administration#aide/{id}</c>). The pages talk to the service through the public HTTP API only. The CSS,
/// scripts and icon are static assets (<c>MapStaticAssets</c>: compressed and fingerprinted at build).
/// </summary>
public static class Pages
{
    /// <summary>Clean address → template in <c>wwwroot</c>, and who may see it (docs/PAGES.md).</summary>
    public static readonly IReadOnlyList<PageRoute> Routes =
    [
        new("/", "index.html", PageAccess.SignedOut),
        new("/activation", "activation.html"),
        new("/accueil", "accueil.html", PageAccess.SignedIn),
        new("/mot-de-passe-oublie", "mot-de-passe-oublie.html"),
        new("/reinitialisation", "reinitialisation.html"),
        new("/identifiant-oublie", "identifiant-oublie.html"),
        new("/confirmation-email", "confirmation-email.html"),
        new("/aide", "aide.html"),
        new("/cgu", "cgu.html"),
        new("/administration", "administration.html", PageAccess.SignedIn),
        new("/accessibilite", "accessibilite.html"),
        new("/donnees-personnelles", "donnees-personnelles.html"),
        new("/mentions-legales", "mentions-legales.html"),
    ];

    /// <summary>Where a person is sent when a page is not for them: Connexion, or their space once signed in.</summary>
    public const string SignInPath = "/";

    public const string HomePath = "/accueil";

    /// <summary>
    /// The build's manifest of this assembly's static assets, named explicitly: a host started from another assembly
    /// (the command line's tests) would otherwise look for one named after itself.
    /// </summary>
    private static readonly string AssetsManifest = $"{typeof(Pages).Assembly.GetName().Name}.staticwebassets.endpoints.json";

    /// <summary>Pages are revalidated on every use, so a new version (or a new session) is seen at once.</summary>
    private const string CacheControl = "no-cache";

    /// <summary>The static assets (CSS, JS modules, icon), then one GET endpoint per clean address.</summary>
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapStaticAssets(AssetsManifest);
        var services = routes.ServiceProvider;
        var environment = services.GetRequiredService<IWebHostEnvironment>();
        var layout = new PageLayout(
            environment.WebRootFileProvider,
            services.GetRequiredService<PageValues>(),
            FingerprintedAssets(routes),
            recompose: environment.IsDevelopment());

        foreach (var route in Routes)
        {
            routes.MapGet(route.Path, (HttpContext http, CancellationToken ct) => ServeAsync(layout, route, http, ct))
                .AllowAnonymous()
                .ExcludeFromDescription();
        }

        return routes;
    }

    private static async Task<IResult> ServeAsync(PageLayout layout, PageRoute route, HttpContext http, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = CacheControl;
        var signedIn = http.User.Identity?.IsAuthenticated == true;
        switch (route.Access)
        {
            // Decided here rather than by a script asking /api/account: no 401 in the console, no flash of the wrong page.
            case PageAccess.SignedOut when signedIn:
                return TypedResults.Redirect(HomePath);
            case PageAccess.SignedIn when !signedIn:
                return TypedResults.Redirect(SignInPath);
            default:
                return TypedResults.Content(await layout.RenderAsync(route, http.User, cancellationToken), "text/html; charset=utf-8");
        }
    }

    /// <summary>Asset path → fingerprinted address (<c>css/app.css</c> → <c>css/app.p2qqgzwckx.css</c>), from the build's manifest.</summary>
    private static Dictionary<string, string> FingerprintedAssets(IEndpointRouteBuilder routes)
    {
        var assets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!StaticAssetsEndpointDataSourceHelper.HasStaticAssetsDataSource(routes, AssetsManifest))
        {
            return assets;
        }

        foreach (var descriptor in StaticAssetsEndpointDataSourceHelper.ResolveStaticAssetDescriptors(routes, AssetsManifest))
        {
            var label = descriptor.Properties.FirstOrDefault(p => p.Name == "label")?.Value;
            if (label is not null && descriptor.Selectors.Count == 0)
            {
                assets[label] = descriptor.Route;
            }
        }

        return assets;
    }
}
