using Ent77.Application.Accounts.GetCurrentAccount;
using Ent77.WebApi.Security;
using Mediator;

namespace Ent77.WebApi.Endpoints;

/// <summary>The signed-in person's own account.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccount(this IEndpointRouteBuilder routes)
    {
        var account = routes.MapGroup("/api/account").WithTags("Mon compte").RequireAuthorization();
        account.MapGet("/", GetCurrent).WithSummary("Mon compte");
        return routes;
    }

    private static async Task<IResult> GetCurrent(ISender sender, HttpContext http, CancellationToken ct)
    {
        var account = await sender.Send(new GetCurrentAccountQuery(http.User.AccountId()!.Value), ct);
        return account is null ? TypedResults.Unauthorized() : TypedResults.Ok(account);
    }
}
