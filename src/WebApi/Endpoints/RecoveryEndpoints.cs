using Ent77.Application.Accounts.ConfirmEmail;
using Ent77.Application.Accounts.ConfirmPasswordReset;
using Ent77.Application.Accounts.GetResetChannels;
using Ent77.Application.Accounts.RemindIdentifier;
using Ent77.Application.Accounts.RequestPasswordReset;
using Ent77.Domain.Accounts;
using Ent77.WebApi.Errors;
using Ent77.WebApi.OpenApi;
using Ent77.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ent77.WebApi.Endpoints;

/// <summary>The « mot de passe oublié » form: who, and by which channel (<c>email</c> or <c>sms</c>).</summary>
public sealed record LostPasswordRequest(string? Identifier, string? Channel);

public sealed record PasswordResetConfirmation(string? Token, string? Password, string? PasswordConfirmation, string? Identifier)
{
    public ConfirmPasswordResetCommand ToCommand() => new(
        Token: Token,
        Password: Password,
        PasswordConfirmation: PasswordConfirmation,
        Identifier: Identifier);
}

public sealed record IdentifierReminderRequest(string? Email);

public sealed record EmailConfirmationRequest(string? Token);

/// <summary>The reset channels the service offers.</summary>
public sealed record ResetChannelsResponse(IReadOnlyList<string> Channels);

/// <summary>The one answer of every accepted recovery request, whatever the account (no enumeration).</summary>
public sealed record RecoveryAccepted(string Message);

/// <summary>Lost password, lost identifier, e-mail confirmation (anonymous, rate-limited per IP).</summary>
public static class RecoveryEndpoints
{
    /// <summary>The one body of every accepted recovery request, whatever the account (no enumeration).</summary>
    public static readonly RecoveryAccepted Accepted = new("Demande enregistrée. Si un compte correspond, un message vient d’être envoyé.");

    public static IEndpointRouteBuilder MapRecovery(this IEndpointRouteBuilder routes)
    {
        var reset = routes.MapGroup("/api/password-reset").WithTags("Mot de passe oublié").AllowAnonymous();
        reset.MapGet("/channels", GetChannels).WithoutStorage()
            .WithName("GetPasswordResetChannels")
            .WithSummary("Canaux de réinitialisation proposés")
            .WithDescription("`email`, et `sms` quand l’envoi de SMS est activé.");
        reset.MapPost("/", RequestReset).RequireRateLimiting(RateLimiting.Recovery)
            .WithName("RequestPasswordReset")
            .WithSummary("Demande de réinitialisation (toujours 202)")
            .WithDescription("Envoie un lien (e-mail) ou un code (SMS) si l’identifiant désigne un compte actif qui a ce canal. "
                + "La réponse est la même dans tous les cas, pour ne rien dire de l’existence du compte.")
            .ProducesValidationProblem();
        reset.MapPost("/confirm", ConfirmReset).RequireRateLimiting(RateLimiting.Recovery)
            .WithName("ConfirmPasswordReset")
            .WithSummary("Nouveau mot de passe avec le lien reçu par e-mail (ou le code SMS)")
            .WithDescription("Le jeton du lien (ou, par SMS, l’identifiant et le code) et le nouveau mot de passe deux fois. 204 : "
                + "le mot de passe est changé et toutes les sessions du compte prennent fin. 400 quand le jeton n’est plus valable "
                + "ou que le mot de passe ne respecte pas la règle.");

        routes.MapPost("/api/identifier-reminder", RemindIdentifier).WithTags("Identifiant oublié").AllowAnonymous()
            .RequireRateLimiting(RateLimiting.Recovery)
            .WithName("RemindIdentifier")
            .WithSummary("Rappel des identifiants par e-mail (toujours 202)")
            .WithDescription("Envoie à cette adresse les identifiants des comptes actifs qui l’ont confirmée. "
                + "La réponse est la même dans tous les cas.")
            .ProducesValidationProblem();
        routes.MapPost("/api/email-confirmation", ConfirmEmail).WithTags("Mon compte").AllowAnonymous()
            .RequireRateLimiting(RateLimiting.Recovery)
            .WithName("ConfirmEmail")
            .WithSummary("Confirmation de l’adresse e-mail (lien reçu par e-mail)")
            .WithDescription("Le jeton du lien de confirmation. 204 : l’adresse est confirmée ; 400 quand le lien n’est plus valable.");
        return routes;
    }

    private static async Task<Ok<ResetChannelsResponse>> GetChannels(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(new ResetChannelsResponse(await sender.Send(new GetResetChannelsQuery(), ct)));

    private static async Task<Accepted<RecoveryAccepted>> RequestReset(LostPasswordRequest request, ISender sender, CancellationToken ct)
    {
        await sender.Send(new RequestPasswordResetCommand(request.Identifier, request.Channel), ct);
        return TypedResults.Accepted((string?)null, Accepted);
    }

    private static async Task<Results<NoContent, InvalidField>> ConfirmReset(PasswordResetConfirmation request, ISender sender, CancellationToken ct)
    {
        var outcome = await sender.Send(request.ToCommand(), ct);
        return outcome == PasswordResetOutcome.Reset
            ? TypedResults.NoContent()
            : Problems.Field("token", "Ce lien ou ce code n’est plus valable (déjà utilisé, expiré ou remplacé par une demande plus récente). Faites une nouvelle demande.");
    }

    private static async Task<Accepted<RecoveryAccepted>> RemindIdentifier(IdentifierReminderRequest request, ISender sender, CancellationToken ct)
    {
        await sender.Send(new RemindIdentifierCommand(request.Email), ct);
        return TypedResults.Accepted((string?)null, Accepted);
    }

    private static async Task<Results<NoContent, InvalidField>> ConfirmEmail(EmailConfirmationRequest request, ISender sender, CancellationToken ct) =>
        await sender.Send(new ConfirmEmailCommand(request.Token), ct)
            ? TypedResults.NoContent()
            : Problems.Field("token", "Ce lien de confirmation n’est plus valable. Depuis votre espace, modifiez ou confirmez à nouveau votre adresse.");
}
