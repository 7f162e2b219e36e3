using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;

namespace Ent77.WebApi.OpenApi;

/// <summary>
/// The answers the pipeline gives, documented from the same metadata that makes it give them, so that a new endpoint
/// cannot forget them: 400 without <c>X-Requested-With</c> on an unsafe method (RequireRequestedWithMiddleware),
/// 413 over the size limit (RequestSizeMiddleware), 401 without a session where authorization is required (with the
/// cookie as security requirement), 429 where a rate limit applies, 503 when the database is momentarily out of reach
/// (ProblemDetailsExceptionHandler). It also adds the file shapes of <see cref="AlsoAnswersFiles"/> and gives every answer
/// a French description.
/// </summary>
internal sealed class CommonAnswers : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    private const string SignInRefused = "Connexion impossible : la même réponse, au même rythme, quelle que soit la raison "
        + "(identifiant inconnu, secret faux, code expiré, compte verrouillé ou bloqué).";

    private static readonly Dictionary<int, string> Descriptions = new()
    {
        [200] = "Réussite.",
        [201] = "Créé.",
        [202] = "Demande enregistrée.",
        [204] = "Fait (pas de contenu).",
        [400] = "Requête invalide : les erreurs de saisie sont dans `errors`, par champ.",
        [401] = "Pas de session valide.",
        [403] = "Votre compte n’a pas les droits nécessaires pour cette action.",
        [404] = "Introuvable (ou hors de votre périmètre).",
        [409] = "Conflit avec l’état actuel (ou avec une autre opération au même moment) : rien n’a été enregistré.",
        [413] = "Le contenu envoyé dépasse la taille autorisée.",
        [429] = "Trop de demandes depuis cette adresse : réessayer après `Retry-After` secondes.",
        [503] = "Base de données momentanément indisponible : rien n’a été enregistré, réessayer après `Retry-After` secondes.",
    };

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        if (description.RelativePath?.StartsWith("api/", StringComparison.OrdinalIgnoreCase) != true)
        {
            return;
        }

        if (context.Document?.Components?.Schemas?.ContainsKey(nameof(ProblemDetails)) != true)
        {
            context.Document!.AddComponent(nameof(ProblemDetails), await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), cancellationToken: cancellationToken));
        }

        var metadata = description.ActionDescriptor.EndpointMetadata;
        operation.Responses ??= [];
        if (!HttpMethods.IsGet(description.HttpMethod ?? HttpMethods.Get))
        {
            AddProblem(operation, context, StatusCodes.Status400BadRequest,
                "Sans l’en-tête `X-Requested-With` (toute requête qui modifie des données), ou corps illisible : 400.");
        }

        if (operation.RequestBody is not null)
        {
            AddProblem(operation, context, StatusCodes.Status413PayloadTooLarge);
        }

        var needsSession = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
        if (needsSession)
        {
            AddProblem(operation, context, StatusCodes.Status401Unauthorized);
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocument.SessionScheme, context.Document)] = [] }];
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            AddProblem(operation, context, StatusCodes.Status429TooManyRequests).Headers = RetryAfter();
        }

        if (!metadata.OfType<ApiDocument.AnswersWithoutStorage>().Any())
        {
            AddProblem(operation, context, StatusCodes.Status503ServiceUnavailable).Headers = RetryAfter();
        }

        foreach (var files in metadata.OfType<AlsoAnswersFiles>())
        {
            if (operation.Responses.TryGetValue(files.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture), out var answer)
                && answer is OpenApiResponse { Content: { } content })
            {
                foreach (var contentType in files.ContentTypes)
                {
                    content[contentType] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
                }
            }
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is OpenApiResponse answer && int.TryParse(status, out var code) && Descriptions.TryGetValue(code, out var french)
                && (string.IsNullOrEmpty(answer.Description) || answer.Description == ReasonPhrase(code)))
            {
                answer.Description = code == StatusCodes.Status401Unauthorized && !needsSession ? SignInRefused : french;
            }
        }
    }

    /// <summary>A problem answer for <paramref name="status"/>; when the endpoint already documents one, <paramref name="also"/> is added to it.</summary>
    private static OpenApiResponse AddProblem(OpenApiOperation operation, OpenApiOperationTransformerContext context, int status, string? also = null)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var problem = new Dictionary<string, OpenApiMediaType>
        {
            [ProblemJson] = new() { Schema = new OpenApiSchemaReference(nameof(ProblemDetails), context.Document) },
        };
        if (operation.Responses!.TryGetValue(key, out var existing) && existing is OpenApiResponse documented)
        {
            if (also is not null)
            {
                documented.Description = $"{Descriptions[status]} {also}";
            }

            // An error answer without a body of its own gets the status code pages' problem.
            if (documented.Content is null || documented.Content.Count == 0)
            {
                documented.Content = problem;
            }

            return documented;
        }

        var response = new OpenApiResponse { Description = also ?? Descriptions[status], Content = problem };
        operation.Responses[key] = response;
        return response;
    }

    private static Dictionary<string, IOpenApiHeader> RetryAfter() => new()
    {
        ["Retry-After"] = new OpenApiHeader
        {
            Description = "Secondes à attendre avant de réessayer.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer },
        },
    };

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
