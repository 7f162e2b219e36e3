using Ent77.Application.Accounts.ChangePassword;
using Ent77.Application.Accounts.Common;
using Ent77.Application.Accounts.GetCurrentAccount;
using Ent77.Application.Accounts.EndSession;
using Ent77.Application.Accounts.ListSessions;
using Ent77.Application.Accounts.SignOutEverywhere;
using Ent77.Application.Accounts.UpdateContact;
using Ent77.WebApi.Errors;
using Ent77.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ent77.WebApi.Endpoints;

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword, string? NewPasswordConfirmation);

public sealed record UpdateContactRequest(string? Email, string? MobilePhone, string? CurrentPassword);

/// <summary>The signed-in person's own account.</summary>
public static class AccountEndpoints
{
    private const string WrongCurrentPassword = "Le mot de passe actuel est incorrect.";

    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder routes)
    {
        var account = routes.MapGroup("/api/account").WithTags("Mon compte").RequireAuthorization();
        account.MapGet("/", GetCurrent)
            .WithName("GetMyAccount")
            .WithSummary("Mon compte")
            .WithDescription("Le compte de la session : identité, profil, statut, coordonnées, établissement, rôles ; "
                + "pour un responsable légal, ses enfants.");
        account.MapPost("/password", ChangePassword)
            .WithName("ChangeMyPassword")
            .WithSummary("Changer de mot de passe (les autres sessions sont fermées)")
            .WithDescription("Le mot de passe actuel, puis le nouveau deux fois. Toutes les autres sessions du compte prennent fin ; "
                + "celle-ci continue. 400 quand le mot de passe actuel est faux ou que le nouveau ne respecte pas la règle.");
        account.MapPut("/contact", UpdateContact)
            .WithName("UpdateMyContact")
            .WithSummary("Modifier l’e-mail et le mobile (l’ancienne adresse est prévenue)")
            .WithDescription("Nouvel e-mail et mobile, avec le mot de passe actuel. L’ancienne adresse reçoit un avis du changement ; "
                + "la nouvelle, un lien de confirmation.");
        account.MapGet("/sessions", ListSessions)
            .WithName("ListMySessions")
            .WithSummary("Mes sessions ouvertes (la session courante est marquée)")
            .WithDescription("Les sessions en cours du compte, avec leur appareil, leurs dates et leur échéance ; `current` marque celle-ci.");
        account.MapDelete("/sessions/{id:guid}", EndSession)
            .WithName("EndMySession")
            .WithSummary("Terminer une de mes sessions")
            .WithDescription("Termine une session du compte (la courante aussi : son cookie est alors effacé). "
                + "Une session inconnue ou d’un autre compte : 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        account.MapPost("/sessions/sign-out-everywhere", SignOutEverywhere)
            .WithName("SignOutEverywhere")
            .WithSummary("Se déconnecter partout (cette session comprise)")
            .WithDescription("Termine toutes les sessions du compte, celle-ci comprise, et efface le cookie.");
        return routes;
    }

    private static async Task<Results<Ok<AccountDto>, UnauthorizedHttpResult>> GetCurrent(ISender sender, HttpContext http, CancellationToken ct)
    {
        var account = await sender.Send(new GetCurrentAccountQuery(http.User.AccountId()!.Value), ct);
        return account is null ? TypedResults.Unauthorized() : TypedResults.Ok(account);
    }

    private static async Task<Results<NoContent, InvalidField>> ChangePassword(ChangePasswordRequest request, ISender sender, HttpContext http, CancellationToken ct)
    {
        var ticket = await sender.Send(new ChangePasswordCommand(
            AccountId: http.User.AccountId()!.Value,
            SessionId: http.User.SessionId()!.Value,
            CurrentPassword: request.CurrentPassword,
            NewPassword: request.NewPassword,
            NewPasswordConfirmation: request.NewPasswordConfirmation), ct);
        if (ticket is null)
        {
            return Problems.Field("currentPassword", WrongCurrentPassword);
        }

        // Other sessions are deleted (and carry the old stamp); this one goes on with the new stamp.
        await Sessions.RenewAsync(http, ticket);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, InvalidField>> UpdateContact(UpdateContactRequest request, ISender sender, HttpContext http, CancellationToken ct) =>
        await sender.Send(new UpdateContactCommand(
            AccountId: http.User.AccountId()!.Value,
            Email: request.Email,
            MobilePhone: request.MobilePhone,
            CurrentPassword: request.CurrentPassword), ct)
            ? TypedResults.NoContent()
            : Problems.Field("currentPassword", WrongCurrentPassword);

    private static async Task<Ok<IReadOnlyList<SessionDto>>> ListSessions(ISender sender, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListSessionsQuery(http.User.AccountId()!.Value, http.User.SessionId()!.Value), ct));

    /// <summary>One's own session only: any other id is the same 404. Ending the current one also clears its cookie.</summary>
    private static async Task<NoContent> EndSession(Guid id, ISender sender, HttpContext http, CancellationToken ct)
    {
        await sender.Send(new EndSessionCommand(http.User.AccountId()!.Value, id), ct);
        if (id == http.User.SessionId())
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }

        return TypedResults.NoContent();
    }

    private static async Task<NoContent> SignOutEverywhere(ISender sender, HttpContext http, CancellationToken ct)
    {
        await sender.Send(new SignOutEverywhereCommand(http.User.AccountId()!.Value), ct);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }
}
