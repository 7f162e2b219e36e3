namespace Ent77.WebApi.Security;

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
