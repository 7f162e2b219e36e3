using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Ent77.WebApi.Errors;

/// <summary>The one 401 of sign-in and activation, as <see cref="Problems.SignInFailed"/> writes it.</summary>
internal sealed class SignInRefused(IResult answer) : FixedProblem(answer), IEndpointMetadataProvider
{
    public override int? StatusCode => StatusCodes.Status401Unauthorized;

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        Document(builder, StatusCodes.Status401Unauthorized, typeof(ProblemDetails));
}
