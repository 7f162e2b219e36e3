using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Ent77.WebApi.Errors;

/// <summary>400 on one field (<c>errors</c> keyed by the field), as <see cref="Problems.Field"/> writes it.</summary>
internal sealed class InvalidField(IResult answer) : FixedProblem(answer), IEndpointMetadataProvider
{
    public override int? StatusCode => StatusCodes.Status400BadRequest;

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Document(builder, StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails));
}
