using Ent77.Application.Accounts.ConfirmEmail;
using Ent77.Application.Accounts.ConfirmPasswordReset;
using Ent77.Application.Accounts.GetResetChannels;
using Ent77.Application.Accounts.RemindIdentifier;
using Ent77.Application.Accounts.RequestPasswordReset;
using Ent77.Domain.Accounts;
using Ent77.WebApi.Errors;
using Ent77.WebApi.Security;
using Mediator;

namespace Ent77.WebApi.Endpoints;

public sealed record PasswordResetRequest(string? Identifier, string? Channel);

public sealed record PasswordResetConfirmation(string? Token, string? Password, string? PasswordConfirmation, string? Identifier);

public sealed record IdentifierReminderRequest(string? Email);

public sealed record EmailConfirmationRequest(string? Token);

/// <summary>Lost password, lost identifier, e-mail confirmation (DESIGN §4, anonymous, rate-limited per IP).</summary>
public static class RecoveryEndpoints
{
    /// <summary>The one body of every accepted recovery request, whatever the account (no enumeration).</summary>
    public static readonly object Accepted = new
    {
        message = "Demande enregistrée. Si un compte correspond, un message vient d'être envoyé.",
    };

    public static IEndpointRouteBuilder MapRecovery(this IEndpointRouteBuilder routes)
    {
        var reset = routes.MapGroup("/api/password-reset").WithTags("Mot de passe oublié").AllowAnonymous();
        reset.MapGet("/channels", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(new { channels = await sender.Send(new GetResetChannelsQuery(), ct) }))
            .WithSummary("Canaux de réinitialisation proposés");
        reset.MapPost("/", RequestReset).RequireRateLimiting(RateLimiting.Recovery)
            .WithSummary("Demande de réinitialisation (toujours 202)");
        reset.MapPost("/confirm", ConfirmReset).RequireRateLimiting(RateLimiting.Recovery)
            .WithSummary("Nouveau mot de passe avec le lien reçu par e-mail (ou le code SMS)");

        routes.MapPost("/api/identifier-reminder", RemindIdentifier).WithTags("Identifiant oublié").AllowAnonymous()
            .RequireRateLimiting(RateLimiting.Recovery).WithSummary("Rappel des identifiants par e-mail (toujours 202)");
        routes.MapPost("/api/email-confirmation", ConfirmEmail).WithTags("Mon compte").AllowAnonymous()
            .RequireRateLimiting(RateLimiting.Recovery).WithSummary("Confirmation de l'adresse e-mail (lien reçu par e-mail)");
        return routes;
    }

    private static async Task<IResult> RequestReset(PasswordResetRequest request, ISender sender, CancellationToken ct)
    {
        await sender.Send(new RequestPasswordResetCommand(request.Identifier, request.Channel), ct);
        return TypedResults.Accepted((string?)null, Accepted);
    }

    private static async Task<IResult> ConfirmReset(PasswordResetConfirmation request, ISender sender, CancellationToken ct)
    {
        var outcome = await sender.Send(new ConfirmPasswordResetCommand(request.Token, request.Password, request.PasswordConfirmation, request.Identifier), ct);
        return outcome == PasswordResetOutcome.Reset
            ? TypedResults.NoContent()
            : Problems.Field("token", "Ce lien ou ce code n'est plus valable (déjà utilisé, expiré ou remplacé par une demande plus récente). Faites une nouvelle demande.");
    }

    private static async Task<IResult> RemindIdentifier(IdentifierReminderRequest request, ISender sender, CancellationToken ct)
    {
        await sender.Send(new RemindIdentifierCommand(request.Email), ct);
        return TypedResults.Accepted((string?)null, Accepted);
    }

    private static async Task<IResult> ConfirmEmail(EmailConfirmationRequest request, ISender sender, CancellationToken ct) =>
        await sender.Send(new ConfirmEmailCommand(request.Token), ct)
            ? TypedResults.NoContent()
            : Problems.Field("token", "Ce lien de confirmation n'est plus valable. Depuis votre espace, modifiez ou confirmez à nouveau votre adresse.");
}
