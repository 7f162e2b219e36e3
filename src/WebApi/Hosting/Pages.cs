using Microsoft.Extensions.FileProviders;

namespace Ent77.WebApi.Hosting;

/// <summary>
/// The people's pages (<c>wwwroot</c>): plain HTML, CSS and JavaScript modules served on the API's origin, under the
/// same strict Content-Security-Policy. Each page has a clean French address, the one that e-mails, letters and
/// notifications link to (<c>/reinitialisation#token=…</c>, <c>/activation#identifier=…&amp;code=…</c>,
/// <c>/administration#aide/{id}</c>). The pages talk to the service through the public HTTP API only.
/// </summary>
public static class Pages
{
    /// <summary>Clean address → file in <c>wwwroot</c>. <c>/</c> (Connexion) is <c>index.html</c>, served as the default file.</summary>
    public static readonly IReadOnlyDictionary<string, string> Routes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["/activation"] = "activation.html",
        ["/accueil"] = "accueil.html",
        ["/mot-de-passe-oublie"] = "mot-de-passe-oublie.html",
        ["/reinitialisation"] = "reinitialisation.html",
        ["/identifiant-oublie"] = "identifiant-oublie.html",
        ["/confirmation-email"] = "confirmation-email.html",
        ["/aide"] = "aide.html",
        ["/cgu"] = "cgu.html",
        ["/administration"] = "administration.html",
    };

    /// <summary>Pages and their files are revalidated on every use (ETag), so a new version is seen at once.</summary>
    private const string CacheControl = "no-cache";

    /// <summary><c>/</c> → <c>index.html</c>, then the files of <c>wwwroot</c> (CSS, JS modules, icons).</summary>
    public static IApplicationBuilder UsePages(this IApplicationBuilder app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = CacheControl,
        });
        return app;
    }

    /// <summary>One GET endpoint per clean address, answering with its HTML file.</summary>
    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder routes)
    {
        foreach (var (path, file) in Routes)
        {
            routes.MapGet(path, (IWebHostEnvironment environment, HttpContext http) => Page(environment.WebRootFileProvider, file, http))
                .AllowAnonymous()
                .ExcludeFromDescription();
        }

        return routes;
    }

    private static IResult Page(IFileProvider files, string name, HttpContext http)
    {
        var file = files.GetFileInfo(name);
        if (!file.Exists)
        {
            return TypedResults.NotFound();
        }

        http.Response.Headers.CacheControl = CacheControl;
        return TypedResults.File(file.CreateReadStream(), "text/html; charset=utf-8", lastModified: file.LastModified);
    }
}
