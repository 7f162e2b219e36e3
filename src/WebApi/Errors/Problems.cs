using Microsoft.AspNetCore.Mvc;

namespace Ent77.WebApi.Errors;

/// <summary>Fixed answers whose bytes must not vary (no trace id): the same for every failure they cover.</summary>
internal static class Problems
{
    /// <summary>Sign-in and activation failure: unknown identifier, wrong secret, expired code, locked account alike.</summary>
    public static SignInRefused SignInFailed() => new(Fixed(new ProblemDetails
    {
        Status = StatusCodes.Status401Unauthorized,
        Title = "Connexion impossible.",
        Detail = "Identifiant, mot de passe ou code d’activation incorrect. Après plusieurs essais, le compte est verrouillé quelques minutes.",
    }));

    /// <summary>A 400 validation problem on one field, shaped like the validation behaviour's.</summary>
    public static InvalidField Field(string field, string message) => new(Fixed(new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "Certaines informations sont invalides.",
        Detail = "Corrigez les champs signalés puis réessayez.",
    }));

    public static IResult Fixed(ProblemDetails problem) =>
        TypedResults.Json(problem, statusCode: problem.Status, contentType: "application/problem+json");

    /// <summary>
    /// The body of an error answer that has none yet (unknown route, wrong method, wrong content type…):
    /// a problem with a French title, instead of the framework's English one.
    /// </summary>
    public static Task WriteStatusCodePageAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = context.Response.StatusCode;
        var (title, detail) = status switch
        {
            StatusCodes.Status400BadRequest => ("Requête invalide.", "La requête est mal formée ou incomplète."),
            StatusCodes.Status401Unauthorized => ("Authentification requise.", "Connectez-vous pour accéder à cette page."),
            StatusCodes.Status403Forbidden => ("Accès refusé.", "Votre compte n’a pas les droits nécessaires pour cette action."),
            StatusCodes.Status404NotFound => ("Introuvable.", "L’adresse demandée n’existe pas."),
            StatusCodes.Status405MethodNotAllowed => ("Méthode non autorisée.", "Cette adresse n’accepte pas cette méthode HTTP."),
            StatusCodes.Status413PayloadTooLarge => ("Requête trop volumineuse.", "Le contenu envoyé dépasse la taille autorisée."),
            StatusCodes.Status415UnsupportedMediaType => ("Format non pris en charge.", "Le corps de la requête doit être du JSON (Content-Type: application/json)."),
            StatusCodes.Status429TooManyRequests => ("Trop de tentatives.", "Trop de demandes depuis votre connexion. Patientez un peu avant de réessayer."),
            >= 500 => ("Erreur interne.", "Une erreur inattendue s’est produite. Réessayez plus tard."),
            _ => ("Requête refusée.", "La requête n’a pas pu être traitée."),
        };
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        }).AsTask();
    }
}
