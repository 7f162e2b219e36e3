namespace Ent77.WebApi.Hosting;

/// <summary>
/// <c>HEAD</c> is <c>GET</c> without the body (RFC 9110 §9.3.2), for every <c>GET</c> endpoint: pages, API,
/// health checks. Minimal-API endpoints declare <c>GET</c> only, so routing would answer <c>405</c>; this runs the
/// <c>GET</c> endpoint with a body that goes nowhere, and the status and headers are those of the <c>GET</c>.
/// The endpoints themselves stay declared as they are (and the OpenAPI document with them).
/// </summary>
public sealed class HeadRequestsMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await next(context);
            return;
        }

        var body = context.Response.Body;
        context.Request.Method = HttpMethods.Get;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Request.Method = HttpMethods.Head;
            context.Response.Body = body;
        }
    }
}
