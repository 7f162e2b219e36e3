using Microsoft.AspNetCore.Http.Metadata;

namespace Ent77.WebApi.Errors;

/// <summary>A fixed problem answer (see <see cref="Problems"/>), typed so that an endpoint returning it documents it.</summary>
internal abstract class FixedProblem(IResult answer) : IResult, IStatusCodeHttpResult
{
    public abstract int? StatusCode { get; }

    public Task ExecuteAsync(HttpContext httpContext) => answer.ExecuteAsync(httpContext);

    /// <summary>Documents, on the endpoint that returns it, the answer <paramref name="status"/> with its problem body.</summary>
    protected static void Document(EndpointBuilder builder, int status, Type body)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(status, body, ["application/problem+json"]));
    }
}
