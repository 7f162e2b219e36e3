using Ent77.Application.Accounts.ChangePassword;
using Ent77.Application.Accounts.GetCurrentAccount;
using Ent77.Application.Accounts.UpdateContact;
using Ent77.WebApi.Errors;
using Ent77.WebApi.Security;
using Mediator;

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
        account.MapGet("/", GetCurrent).WithSummary("Mon compte");
        account.MapPost("/password", ChangePassword).WithSummary("Changer de mot de passe (les autres sessions sont fermées)");
        account.MapPut("/contact", UpdateContact).WithSummary("Modifier l'e-mail et le mobile");
        return routes;
    }

    private static async Task<IResult> GetCurrent(ISender sender, HttpContext http, CancellationToken ct)
    {
        var account = await sender.Send(new GetCurrentAccountQuery(http.User.AccountId()!.Value), ct);
        return account is null ? TypedResults.Unauthorized() : TypedResults.Ok(account);
    }

    private static async Task<IResult> ChangePassword(ChangePasswordRequest request, ISender sender, HttpContext http, CancellationToken ct)
    {
        var ticket = await sender.Send(new ChangePasswordCommand(http.User.AccountId()!.Value, request.CurrentPassword, request.NewPassword, request.NewPasswordConfirmation), ct);
        if (ticket is null)
        {
            return Problems.Field("currentPassword", WrongCurrentPassword);
        }

        // Other sessions end with the old security stamp; this one goes on with the new one.
        await Sessions.RenewAsync(http, ticket);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> UpdateContact(UpdateContactRequest request, ISender sender, HttpContext http, CancellationToken ct) =>
        await sender.Send(new UpdateContactCommand(http.User.AccountId()!.Value, request.Email, request.MobilePhone, request.CurrentPassword), ct)
            ? TypedResults.NoContent()
            : Problems.Field("currentPassword", WrongCurrentPassword);
}
