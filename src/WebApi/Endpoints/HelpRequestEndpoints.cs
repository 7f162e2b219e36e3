using Ent77.Application.Support;
using Ent77.Application.Support.GetHelpRequest;
using Ent77.Application.Support.HandleHelpRequest;
using Ent77.Application.Support.ListHelpRequests;
using Ent77.Application.Support.SubmitHelpRequest;
using Ent77.Domain.Support;
using Ent77.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Ent77.WebApi.Endpoints;

public sealed record HelpRequestForm(
    string? FirstName, string? LastName, string? Email, string? Phone, string? Uai, HelpRequestKind? Kind,
    string? StudentName, string? ClassName, string? Message, string? Website)
{
    public SubmitHelpRequestCommand ToCommand() => new(
        FirstName: FirstName,
        LastName: LastName,
        Email: Email,
        Phone: Phone,
        Uai: Uai,
        Kind: Kind,
        StudentName: StudentName,
        ClassName: ClassName,
        Message: Message,
        Website: Website);
}

/// <summary>The reference of a help request, for the person who sent it.</summary>
public sealed record HelpRequestReceipt(string Reference);

public sealed record HelpRequestNote(string? Note);

/// <summary>The parents' help form (anonymous) and its handling by the school's administrators.</summary>
public static class HelpRequestEndpoints
{
    public static IEndpointRouteBuilder MapHelpRequests(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/help-requests", Submit).WithTags("Aide").AllowAnonymous().RequireRateLimiting(RateLimiting.Help)
            .WithName("SubmitHelpRequest")
            .WithSummary("Déposer une demande d’aide (réponse : sa référence)")
            .WithDescription("Le formulaire d’aide d’un parent ou d’un élève qui ne peut pas se connecter : qui il est, comment le joindre, "
                + "son établissement, le type de problème et un message. 202 avec la référence de la demande ; un accusé de réception "
                + "part par e-mail et les administrateurs de l’établissement sont prévenus.")
            .ProducesValidationProblem();

        var admin = routes.MapGroup("/api/admin/establishments/{uai}/help-requests").WithTags("Administration — aide").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/", List)
            .WithName("ListHelpRequests")
            .WithSummary("Demandes d’aide de l’établissement (les ouvertes d’abord, les plus anciennes d’abord)")
            .WithDescription("Les demandes d’aide de l’établissement, filtrées par statut et par type.");
        admin.MapGet("/{id:guid}", Get)
            .WithName("GetHelpRequest")
            .WithSummary("Une demande, avec les comptes qui correspondent aux noms donnés")
            .WithDescription("Le détail d’une demande et les comptes de l’établissement qui correspondent aux noms qu’elle donne, "
                + "pour retrouver la personne.");
        admin.MapPost("/{id:guid}/start", (string uai, Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
                Act(uai, id, HelpRequestAction.Start, null, sender, http, ct))
            .WithName("StartHelpRequest")
            .WithSummary("Prendre en charge")
            .WithDescription("La demande passe « en cours ». 409 quand elle est déjà close ou en cours.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/{id:guid}/resolve", (string uai, Guid id, HelpRequestNote body, ISender sender, HttpContext http, CancellationToken ct) =>
                Act(uai, id, HelpRequestAction.Resolve, body.Note, sender, http, ct))
            .WithName("ResolveHelpRequest")
            .WithSummary("Clore : résolue (note obligatoire)")
            .WithDescription("La demande est close comme résolue ; la note est envoyée à la personne. 409 quand elle est déjà close.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/{id:guid}/reject", (string uai, Guid id, HelpRequestNote body, ISender sender, HttpContext http, CancellationToken ct) =>
                Act(uai, id, HelpRequestAction.Reject, body.Note, sender, http, ct))
            .WithName("RejectHelpRequest")
            .WithSummary("Clore : refusée (note obligatoire)")
            .WithDescription("La demande est close comme refusée ; la note est envoyée à la personne. 409 quand elle est déjà close.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Accepted<HelpRequestReceipt>> Submit(HelpRequestForm form, ISender sender, CancellationToken ct) =>
        TypedResults.Accepted((string?)null, new HelpRequestReceipt(await sender.Send(form.ToCommand(), ct)));

    private static async Task<Ok<IReadOnlyList<HelpRequestSummaryDto>>> List(
        string uai, HelpRequestStatus? status, HelpRequestKind? kind, ISender sender, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListHelpRequestsQuery(http.User.Actor(), uai, status, kind), ct));

    private static async Task<Ok<HelpRequestDetailDto>> Get(string uai, Guid id, ISender sender, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetHelpRequestQuery(http.User.Actor(), uai, id), ct));

    private static async Task<NoContent> Act(string uai, Guid id, HelpRequestAction action, string? note, ISender sender, HttpContext http, CancellationToken ct)
    {
        await sender.Send(new HandleHelpRequestCommand(http.User.Actor(), uai, id, action, note), ct);
        return TypedResults.NoContent();
    }
}
