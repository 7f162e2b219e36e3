using Microsoft.AspNetCore.Mvc;

namespace Ent77.WebApi.Errors;

/// <summary>Fixed answers whose bytes must not vary (no trace id): the same for every failure they cover.</summary>
internal static class Problems
{
    /// <summary>Sign-in and activation failure: unknown identifier, wrong secret, expired code, locked account alike.</summary>
    public static IResult SignInFailed() => Fixed(new ProblemDetails
    {
        Status = StatusCodes.Status401Unauthorized,
        Title = "Connexion impossible.",
        Detail = "Identifiant, mot de passe ou code d'activation incorrect. Après plusieurs essais, le compte est verrouillé quelques minutes.",
    });

    public static IResult Fixed(ProblemDetails problem) =>
        TypedResults.Json(problem, statusCode: problem.Status, contentType: "application/problem+json");
}
