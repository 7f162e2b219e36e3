using Ent77.Application.Establishments.ListEstablishments;
using Ent77.Application.Terms.GetCurrentTerms;
using Ent77.Domain.Accounts.Passwords;
using Mediator;

namespace Ent77.WebApi.Endpoints;

/// <summary>Public reference data: terms of use, establishments, the password rule.</summary>
public static class PublicEndpoints
{
    public static IEndpointRouteBuilder MapPublic(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/terms", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetCurrentTermsQuery(), ct)))
            .WithTags("CGU").WithSummary("Conditions générales d'utilisation en vigueur").AllowAnonymous();
        routes.MapGet("/api/establishments", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListEstablishmentsQuery(), ct)))
            .WithTags("Établissements").WithSummary("Liste publique des établissements").AllowAnonymous();
        routes.MapGet("/api/password-policy", (PasswordPolicy policy) => TypedResults.Ok(new
            {
                policy.Options.MinLength,
                policy.Options.MaxLength,
                Rules = policy.Describe().Select(r => new { r.Code, Label = r.Message }),
            }))
            .WithTags("Activation").WithSummary("Règles du mot de passe (pour la liste affichée à l'activation)").AllowAnonymous();
        return routes;
    }
}
