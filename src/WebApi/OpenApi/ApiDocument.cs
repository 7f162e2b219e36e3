using Ent77.WebApi.Hosting;
using Ent77.WebApi.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Ent77.WebApi.OpenApi;

/// <summary>
/// The API's OpenAPI document (<c>/openapi/v1.json</c>, browsable at <c>/api-docs</c>): each endpoint describes its own
/// answers (typed results, <c>Produces…</c>, name, summary, description); <see cref="CommonAnswers"/> adds those that
/// the pipeline gives every endpoint it applies to. .ci/run lints the document with Spectral (<c>spectral:oas</c>).
/// </summary>
public static class ApiDocument
{
    /// <summary>The session cookie as a security scheme of the document.</summary>
    public const string SessionScheme = "session";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<DocumentDescription>();
            options.AddOperationTransformer<CommonAnswers>();
        });

    /// <summary>Marks an endpoint that answers without the database: no 503 for it.</summary>
    public static TBuilder WithoutStorage<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AnswersWithoutStorage());

    /// <summary>The metadata of <see cref="WithoutStorage{TBuilder}"/>.</summary>
    public sealed record AnswersWithoutStorage;

    /// <summary>What the API is, who runs it (<c>Operator:*</c>), where it lives, and the session cookie.</summary>
    private sealed class DocumentDescription(IOptions<OperatorOptions> operatorOptions) : IOpenApiDocumentTransformer
    {
        public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
        {
            var who = operatorOptions.Value;
            document.Info = new OpenApiInfo
            {
                Title = "ENT 77 — API d’activation des comptes",
                Version = "v1",
                Description = "Le service d’activation des comptes de l’ENT de Seine-et-Marne : connexion, activation, "
                    + "mot de passe et identifiant oubliés, demandes d’aide, administration des établissements.\n\n"
                    + "JSON en camelCase. Les erreurs sont des problèmes RFC 9457 (`application/problem+json`) aux messages "
                    + "en français ; une erreur de saisie porte `errors`, par champ. Toute requête qui modifie des données "
                    + "sous `/api` porte l’en-tête `X-Requested-With` (n’importe quelle valeur), sinon 400. La session est le "
                    + $"cookie `{Sessions.CookieName}` posé à la connexion. Trop de demandes : 429 avec `Retry-After`.",
                Contact = new OpenApiContact { Name = who.Name, Email = who.ContactEmail },
            };

            // Relative to where the document is served: the same behind the proxy as on a developer's machine.
            document.Servers = [new OpenApiServer { Url = "/", Description = "Ce service" }];

            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[SessionScheme] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = Sessions.CookieName,
                Description = "Le cookie de session posé par la connexion ou l’activation (Secure, HttpOnly, SameSite=Lax).",
            };
            return Task.CompletedTask;
        }
    }
}
