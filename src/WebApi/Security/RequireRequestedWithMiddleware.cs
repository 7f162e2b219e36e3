using Ent77.WebApi.Errors;
using Microsoft.AspNetCore.Mvc;

namespace Ent77.WebApi.Security;

/// <summary>
/// CSRF defence (docs/SECURITY.md): every unsafe request under <c>/api</c>, and every action of the jobs dashboard
/// under <c>/hangfire</c> (its own scripts send the header), must carry <c>X-Requested-With</c>.
/// A cross-site form cannot add a header, and CORS never allows it cross-site.
/// </summary>
public sealed class RequireRequestedWithMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Requested-With";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var unsafeMethod = !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method));
        var guarded = request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            || request.Path.StartsWithSegments(JobsDashboard.Path, StringComparison.OrdinalIgnoreCase);
        if (unsafeMethod && guarded && string.IsNullOrWhiteSpace(request.Headers[HeaderName]))
        {
            return Problems.Fixed(new ProblemDetails
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "En-tête manquant.",
                Detail = $"Les requêtes qui modifient des données doivent porter l’en-tête {HeaderName}.",
            }).ExecuteAsync(context);
        }

        return next(context);
    }
}
