namespace Ent77.WebApi.Security;

/// <summary>
/// Response headers of every answer: a strict Content-Security-Policy (no inline script or style; the pages
/// load their own files only), no framing, no MIME sniffing, no referrer. The two operator consoles that
/// ship inline code of their own (the API browser and the Hangfire dashboard) get a policy that allows it;
/// neither serves people's pages.
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
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = console ? ConsolePolicy : StrictPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}

/// <summary>
/// Bodies are small except where an endpoint says otherwise (the roster import): a declared length over
/// the limit gets a clear 413 before anything is read; Kestrel enforces the same limit on chunked bodies.
/// </summary>
public sealed class RequestSizeMiddleware(RequestDelegate next)
{
    /// <summary>Every JSON request of the API fits in this (a 2,000-character message, a list of ids).</summary>
    public const long DefaultLimit = 1024 * 1024;

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? DefaultLimit;
        if (context.Request.ContentLength > limit)
        {
            return Errors.Problems.Fixed(new Microsoft.AspNetCore.Mvc.ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Requête trop volumineuse.",
                Detail = $"Le contenu envoyé dépasse la taille autorisée ({limit / 1024:N0} Kio).",
            }).ExecuteAsync(context);
        }

        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return next(context);
    }
}
