using Ent77.Application.Establishments.ListEstablishments;
using Ent77.Application.Terms.GetCurrentTerms;
using Ent77.Domain.Accounts.Passwords;
using Ent77.WebApi.OpenApi;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ent77.WebApi.Endpoints;

/// <summary>The password rule, as the activation page lists it.</summary>
public sealed record PasswordPolicyResponse(int MinLength, int MaxLength, IReadOnlyList<PasswordRuleResponse> Rules);

/// <summary>One rule of the password policy: its stable code and its French label.</summary>
public sealed record PasswordRuleResponse(string Code, string Label);

/// <summary>Public reference data: terms of use, establishments, the password rule.</summary>
public static class PublicEndpoints
{
    public static IEndpointRouteBuilder MapPublic(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/terms", GetTerms).WithTags("CGU").AllowAnonymous()
            .WithName("GetCurrentTerms")
            .WithSummary("Conditions générales d’utilisation en vigueur")
            .WithDescription("La version en vigueur des CGU (celle qu’une activation accepte) : version, titre, texte en Markdown, date de publication.");
        routes.MapGet("/api/establishments", ListEstablishments).WithTags("Établissements").AllowAnonymous()
            .WithName("ListEstablishments")
            .WithSummary("Liste publique des établissements")
            .WithDescription("Tous les établissements : UAI, nom, commune (pour le choix de l’établissement dans le formulaire d’aide).");
        routes.MapGet("/api/password-policy", GetPasswordPolicy).WithTags("Activation").AllowAnonymous().WithoutStorage()
            .WithName("GetPasswordPolicy")
            .WithSummary("Règles du mot de passe (pour la liste affichée à l’activation)")
            .WithDescription("Les longueurs minimale et maximale et chaque règle du mot de passe, avec son code et son libellé : "
                + "les pages affichent la règle que le serveur applique, sans la recopier.");
        return routes;
    }

    private static async Task<Ok<TermsDto>> GetTerms(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCurrentTermsQuery(), ct));

    private static async Task<Ok<IReadOnlyList<EstablishmentDto>>> ListEstablishments(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListEstablishmentsQuery(), ct));

    private static Ok<PasswordPolicyResponse> GetPasswordPolicy(PasswordPolicy policy) =>
        TypedResults.Ok(new PasswordPolicyResponse(
            policy.Options.MinLength,
            policy.Options.MaxLength,
            [.. policy.Describe().Select(r => new PasswordRuleResponse(r.Code, r.Message))]));
}
