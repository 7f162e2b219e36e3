using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Ent77.WebApi.Hosting;

/// <summary>
/// Compression (docs/SECURITY.md, « Compression and BREACH »). The static assets come compressed from the build
/// (<c>MapStaticAssets</c>); the pages and the other public text answers are compressed on the fly (Brotli, then
/// gzip). The API's answers (<c>/api</c>) and the job dashboard are never compressed: some carry secrets
/// (activation codes in an import's answer, the dashboard's anti-forgery token) next to text that a request
/// chooses, the very mix a BREACH attack needs; they are small JSON anyway, except the import answers.
/// </summary>
public static class Compression
{
    public static IServiceCollection AddEnt77Compression(this IServiceCollection services) =>
        services.AddResponseCompression(options =>
        {
            // Over HTTPS too (TLS ends at the proxy, which tells us so): only answers without secrets get here.
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["text/html", "text/css", "text/javascript", "application/javascript", "image/svg+xml", "application/json", "text/plain"];
        })
        .Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest)
        .Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);

    /// <summary>True for the answers that may carry a secret: never compressed.</summary>
    public static bool MayCarrySecrets(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments(Security.JobsDashboard.Path, StringComparison.OrdinalIgnoreCase);

    public static IApplicationBuilder UseEnt77Compression(this IApplicationBuilder app) =>
        app.UseWhen(context => !MayCarrySecrets(context.Request.Path), branch => branch.UseResponseCompression());
}
