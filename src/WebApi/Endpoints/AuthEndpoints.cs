using Ent77.Application.Accounts.ActivateAccount;
using Ent77.Application.Accounts.Common;
using Ent77.Application.Accounts.SignIn;
using Ent77.Application.Accounts.SignOut;
using Ent77.WebApi.Errors;
using Ent77.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Ent77.WebApi.Endpoints;

public sealed record SignInRequest(string? Identifier, string? Password, bool RememberMe);

public sealed record ActivationRequest(
    string? Identifier, string? ActivationCode, string? Password, string? PasswordConfirmation,
    string? Email, string? MobilePhone, bool AcceptTerms, bool RememberMe);

public sealed record SignedInResponse(AccountDto Account)
{
    public string Outcome => "signedIn";
}

public sealed record ActivationRequiredResponse(string Identifier)
{
    public string Outcome => "activationRequired";
}

/// <summary>Sign-in, sign-out and activation (DESIGN §4, anonymous).</summary>
public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuth(this IEndpointRouteBuilder routes)
    {
        var auth = routes.MapGroup("/api/auth").WithTags("Connexion");
        auth.MapPost("/sign-in", SignIn).RequireRateLimiting(RateLimiting.Auth).AllowAnonymous()
            .WithSummary("Connexion avec mot de passe, ou reconnaissance d'un code d'activation");
        auth.MapPost("/sign-out", SignOut).AllowAnonymous().WithSummary("Déconnexion");

        routes.MapPost("/api/activation", Activate).WithTags("Activation").RequireRateLimiting(RateLimiting.Auth).AllowAnonymous()
            .WithSummary("Activation du compte : mot de passe, e-mail, mobile, CGU");
        return routes;
    }

    private static async Task<IResult> SignIn(SignInRequest request, ISender sender, HttpContext http, CancellationToken ct)
    {
        var result = await sender.Send(new SignInCommand(request.Identifier, request.Password, request.RememberMe), ct);
        return await ToResponse(result, request.RememberMe, http);
    }

    private static async Task<IResult> Activate(ActivationRequest request, ISender sender, HttpContext http, CancellationToken ct)
    {
        var result = await sender.Send(new ActivateAccountCommand(
            request.Identifier, request.ActivationCode, request.Password, request.PasswordConfirmation,
            request.Email, request.MobilePhone, request.AcceptTerms, request.RememberMe), ct);
        return await ToResponse(result, request.RememberMe, http);
    }

    private static async Task<IResult> SignOut(HttpContext http, ISender sender, CancellationToken ct)
    {
        await sender.Send(new SignOutCommand(http.User.AccountId()), ct);
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> ToResponse(AuthResult result, bool rememberMe, HttpContext http)
    {
        switch (result.Outcome)
        {
            case AuthOutcome.SignedIn:
                await Sessions.SignInAsync(http, result.Session!, rememberMe);
                return TypedResults.Ok(new SignedInResponse(result.Account!));
            case AuthOutcome.ActivationRequired:
                return TypedResults.Ok(new ActivationRequiredResponse(result.Identifier!));
            default:
                return Problems.SignInFailed();
        }
    }
}
