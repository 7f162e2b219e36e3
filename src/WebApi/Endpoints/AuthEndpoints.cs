using System.Text.Json.Serialization;
using Ent77.Application.Accounts.ActivateAccount;
using Ent77.Application.Accounts.Common;
using Ent77.Application.Accounts.SignIn;
using Ent77.Application.Accounts.SignOut;
using Ent77.WebApi.Errors;
using Ent77.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ent77.WebApi.Endpoints;

public sealed record SignInRequest(string? Identifier, string? Password, bool RememberMe);

public sealed record ActivationRequest(
    string? Identifier, string? ActivationCode, string? Password, string? PasswordConfirmation,
    string? Email, string? MobilePhone, bool AcceptTerms, bool RememberMe)
{
    public ActivateAccountCommand ToCommand(string userAgent) => new(
        Identifier: Identifier,
        ActivationCode: ActivationCode,
        Password: Password,
        PasswordConfirmation: PasswordConfirmation,
        Email: Email,
        MobilePhone: MobilePhone,
        AcceptTerms: AcceptTerms,
        RememberMe: RememberMe,
        UserAgent: userAgent);
}

/// <summary>The answer of a sign-in or an activation that went through: <c>outcome</c> tells which one it is.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "outcome")]
[JsonDerivedType(typeof(SignedIn), "signedIn")]
[JsonDerivedType(typeof(ActivationRequired), "activationRequired")]
public abstract record SignInResponse;

/// <summary>Signed in: the account, and the session cookie beside it.</summary>
public sealed record SignedIn(AccountDto Account) : SignInResponse;

/// <summary>The password was the live activation code of a pending account: activate it first (no cookie).</summary>
public sealed record ActivationRequired(string Identifier) : SignInResponse;

/// <summary>Sign-in, sign-out and activation (anonymous).</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/api/auth").WithTags("Connexion");
        auth.MapPost("/sign-in", SignIn).RequireRateLimiting(RateLimiting.Auth).AllowAnonymous()
            .WithName("SignIn")
            .WithSummary("Connexion avec mot de passe, ou reconnaissance d’un code d’activation")
            .WithDescription("Avec le mot de passe d’un compte actif : 200 `signedIn`, le compte, et le cookie de session. Avec le code "
                + "d’activation valable d’un compte en attente : 200 `activationRequired` (sans cookie), la page d’activation prend le relais. "
                + "Dans tous les autres cas, le même 401, au même rythme (pas d’énumération des comptes) ; après cinq échecs, le compte "
                + "est verrouillé quinze minutes.");
        auth.MapPost("/sign-out", SignOut).AllowAnonymous()
            .WithName("SignOut")
            .WithSummary("Déconnexion")
            .WithDescription("Termine la session courante (s’il y en a une) et efface le cookie. Toujours 204.");

        routes.MapPost("/api/activation", Activate).WithTags("Activation").RequireRateLimiting(RateLimiting.Auth).AllowAnonymous()
            .WithName("ActivateAccount")
            .WithSummary("Activation du compte : mot de passe, e-mail, mobile, CGU")
            .WithDescription("L’identifiant et le code d’activation reçus de l’établissement, le mot de passe choisi (deux fois), l’e-mail, "
                + "le mobile (facultatif) et l’acceptation des CGU. 200 `signedIn` avec le cookie ; 400 avec toutes les erreurs de saisie ; "
                + "401 quand l’identifiant et le code ne désignent pas un compte en attente au code valable.")
            .ProducesValidationProblem();
        return routes;
    }

    private static async Task<Results<Ok<SignInResponse>, SignInRefused>> SignIn(
        SignInRequest request, ISender sender, HttpContext http, CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        var result = await sender.Send(new SignInCommand(request.Identifier, request.Password, request.RememberMe, http.Request.Headers.UserAgent.ToString()), ct);
        return await ToResponse(result, started, http);
    }

    private static async Task<Results<Ok<SignInResponse>, SignInRefused>> Activate(
        ActivationRequest request, ISender sender, HttpContext http, CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        var result = await sender.Send(request.ToCommand(http.Request.Headers.UserAgent.ToString()), ct);
        return await ToResponse(result, started, http);
    }

    private static async Task<NoContent> SignOut(HttpContext http, ISender sender, CancellationToken ct)
    {
        await sender.Send(new SignOutCommand(http.User.AccountId(), http.User.SessionId()), ct);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<SignInResponse>, SignInRefused>> ToResponse(AuthResult result, long started, HttpContext http)
    {
        switch (result.Outcome)
        {
            case AuthOutcome.SignedIn:
                await Sessions.SignInAsync(http, result.Session!);
                return TypedResults.Ok<SignInResponse>(new SignedIn(result.Account!));
            case AuthOutcome.ActivationRequired:
                return TypedResults.Ok<SignInResponse>(new ActivationRequired(result.Identifier!));
            default:
                await FailureFloor.WaitAsync(http, started);
                return Problems.SignInFailed();
        }
    }
}
