namespace Ent77.WebApi.Security;

/// <summary>
/// Response headers of every answer: a strict Content-Security-Policy (no inline script or style; the pages
/// load their own files only), no framing, no MIME sniffing, no referrer. The two operator consoles that
/// ship inline code of their own (the API browser and the Hangfire dashboard) get a policy that allows it;
/// neither serves people's pages. Every answer under <c>/api</c>, errors included, is <c>Cache-Control: no-store</c>:
/// it may carry codes or personal data, which no browser or proxy cache may keep.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string StrictPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string ConsolePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var path = context.Request.Path;
        var console = path.StartsWithSegments("/api-docs", StringComparison.OrdinalIgnoreCase)
            || path.StartsWithSegments(JobsDashboard.Path, StringComparison.OrdinalIgnoreCase);
        var api = path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = console ? ConsolePolicy : StrictPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (api)
            {
                headers.CacheControl = "no-store";
                headers.Remove("Pragma");
                headers.Remove("Expires");
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
