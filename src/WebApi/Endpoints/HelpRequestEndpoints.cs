using Ent77.Application.Support.HandleHelpRequest;
using Ent77.Application.Support.Queries;
using Ent77.Application.Support.SubmitHelpRequest;
using Ent77.Domain.Support;
using Ent77.WebApi.Security;
using Mediator;

namespace Ent77.WebApi.Endpoints;

public sealed record HelpRequestForm(
    string? FirstName, string? LastName, string? Email, string? Phone, string? Uai, HelpRequestKind? Kind,
    string? StudentName, string? ClassName, string? Message, string? Website);

public sealed record HelpRequestNote(string? Note);

/// <summary>The parents' help form (anonymous) and its handling by the school's administrators.</summary>
public static class HelpRequestEndpoints
{
    public static IEndpointRouteBuilder MapHelpRequests(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/help-requests", Submit).WithTags("Aide").AllowAnonymous().RequireRateLimiting(RateLimiting.Help)
            .WithSummary("Déposer une demande d'aide (réponse : sa référence)");

        var admin = routes.MapGroup("/api/admin/establishments/{uai}/help-requests").WithTags("Administration — aide").RequireAuthorization();
        admin.MapGet("/", (string uai, HelpRequestStatus? status, HelpRequestKind? kind, ISender sender, HttpContext http, CancellationToken ct) =>
                Ok(sender.Send(new ListHelpRequestsQuery(http.User.AccountId(), uai, status, kind), ct)))
            .WithSummary("Demandes d'aide de l'établissement (les ouvertes d'abord, les plus anciennes d'abord)");
        admin.MapGet("/{id:guid}", (string uai, Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
                Ok(sender.Send(new GetHelpRequestQuery(http.User.AccountId(), uai, id), ct)))
            .WithSummary("Une demande, avec les comptes qui correspondent aux noms donnés");
        admin.MapPost("/{id:guid}/start", (string uai, Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
                Act(uai, id, HelpRequestAction.Start, null, sender, http, ct))
            .WithSummary("Prendre en charge");
        admin.MapPost("/{id:guid}/resolve", (string uai, Guid id, HelpRequestNote body, ISender sender, HttpContext http, CancellationToken ct) =>
                Act(uai, id, HelpRequestAction.Resolve, body.Note, sender, http, ct))
            .WithSummary("Clore : résolue (note obligatoire)");
        admin.MapPost("/{id:guid}/reject", (string uai, Guid id, HelpRequestNote body, ISender sender, HttpContext http, CancellationToken ct) =>
                Act(uai, id, HelpRequestAction.Reject, body.Note, sender, http, ct))
            .WithSummary("Clore : refusée (note obligatoire)");
        return routes;
    }

    private static async Task<IResult> Submit(HelpRequestForm form, ISender sender, CancellationToken ct)
    {
        var reference = await sender.Send(new SubmitHelpRequestCommand(
            form.FirstName, form.LastName, form.Email, form.Phone, form.Uai, form.Kind, form.StudentName, form.ClassName, form.Message, form.Website), ct);
        return TypedResults.Accepted((string?)null, new { reference });
    }

    private static async Task<IResult> Ok<T>(ValueTask<T> pending) => TypedResults.Ok(await pending);

    private static async Task<IResult> Act(string uai, Guid id, HelpRequestAction action, string? note, ISender sender, HttpContext http, CancellationToken ct)
    {
        await sender.Send(new HandleHelpRequestCommand(http.User.AccountId(), uai, id, action, note), ct);
        return TypedResults.NoContent();
    }
}
