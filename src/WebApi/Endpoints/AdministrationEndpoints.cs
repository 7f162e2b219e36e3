using Ent77.Application.Administration;
using Ent77.Application.Administration.BlockAccount;
using Ent77.Application.Administration.ImportRoster;
using Ent77.Application.Administration.Queries;
using Ent77.Application.Administration.ReissueCodes;
using Ent77.Application.Establishments.AddEstablishment;
using Ent77.Application.Establishments.IssueAdministrator;
using Ent77.Domain.Accounts;
using Ent77.WebApi.Errors;
using Ent77.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace Ent77.WebApi.Endpoints;

public sealed record AddEstablishmentRequest(string? Uai, string? Name, string? City);

public sealed record IssueAdministratorRequest(string? FirstName, string? LastName);

public sealed record ReissueCodesRequest(IReadOnlyList<Guid>? AccountIds, string? ClassName, Profile? Profile, bool OnlyPending = true);

/// <summary>
/// School administration (DESIGN §4): bootstrap, roster imports, codes, follow-up, blocking, audit. Every
/// request needs a session; who may do what is decided in one place, the application's access behaviour.
/// </summary>
public static class AdministrationEndpoints
{
    /// <summary>A roster of 100,000 people is about 6 MB; the limit leaves room and stays bounded.</summary>
    public const long MaxImportBytes = 32L * 1024 * 1024;

    public static IEndpointRouteBuilder MapAdministration(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization();

        admin.MapPost("/establishments", AddEstablishment).WithSummary("Créer un établissement (PlatformAdmin)");
        admin.MapPost("/establishments/{uai}/administrators", IssueAdministrator).WithSummary("Créer l'administrateur d'un établissement (PlatformAdmin)");
        admin.MapPost("/establishments/{uai}/imports", Import)
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes + (1024 * 1024)))
            .Accepts<IFormFile>("multipart/form-data", "text/csv", "text/plain", "application/octet-stream")
            .WithSummary("Importer un fichier CSV d'élèves, responsables et personnels ; codes en JSON, CSV ou courriers PDF");
        admin.MapPost("/establishments/{uai}/activation-codes", Reissue).WithSummary("Réémettre des codes d'activation (les anciens sont annulés)");
        admin.MapGet("/establishments/{uai}/accounts", ListAccounts).WithSummary("Comptes de l'établissement, filtrés et paginés");
        admin.MapGet("/establishments/{uai}/activation-stats", Stats).WithSummary("Taux d'activation par profil et par classe");
        admin.MapGet("/establishments/{uai}/audit", Audit).WithSummary("Journal d'audit de l'établissement");
        admin.MapPost("/accounts/{id:guid}/block", (Guid id, ISender sender, HttpContext http, CancellationToken ct) => SetBlocked(id, true, sender, http, ct))
            .WithSummary("Bloquer un compte (ses sessions prennent fin)");
        admin.MapPost("/accounts/{id:guid}/unblock", (Guid id, ISender sender, HttpContext http, CancellationToken ct) => SetBlocked(id, false, sender, http, ct))
            .WithSummary("Débloquer un compte");
        return routes;
    }

    private static async Task<IResult> AddEstablishment(AddEstablishmentRequest request, ISender sender, HttpContext http, CancellationToken ct)
    {
        var created = await sender.Send(new AddEstablishmentCommand(request.Uai, request.Name, request.City, http.User.AccountId()), ct);
        return TypedResults.Created($"/api/establishments#{created.Uai}", created);
    }

    private static async Task<IResult> IssueAdministrator(string uai, IssueAdministratorRequest request, ISender sender, HttpContext http, CancellationToken ct)
    {
        var issued = await sender.Send(new IssueAdministratorCommand(uai, request.FirstName, request.LastName, ActorAccountId: http.User.AccountId()), ct);
        return TypedResults.Created($"/api/admin/establishments/{uai}/accounts?search={issued.Identifier}", issued);
    }

    private static async Task<IResult> Import(string uai, string? format, bool? dryRun, HttpRequest request, ISender sender, HttpContext http, CancellationToken ct)
    {
        if (CodeFormats.Problem(format) is { } badFormat)
        {
            return badFormat;
        }

        Stream csv;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is not { } file)
            {
                return Problems.Field("file", "Joignez le fichier CSV dans le champ « file ».");
            }

            csv = file.OpenReadStream();
        }
        else
        {
            csv = request.Body;
        }

        await using (csv)
        {
            var result = await sender.Send(new ImportRosterCommand(http.User.AccountId(), uai, csv, dryRun ?? false), ct);
            return CodeFormats.Result(http, format, result.Batch, new { result.Created, result.Updated, result.DryRun, Accounts = result.Batch.Accounts });
        }
    }

    private static async Task<IResult> Reissue(string uai, string? format, ReissueCodesRequest request, ISender sender, HttpContext http, CancellationToken ct)
    {
        if (CodeFormats.Problem(format) is { } badFormat)
        {
            return badFormat;
        }

        var batch = await sender.Send(new ReissueCodesCommand(http.User.AccountId(), uai, request.AccountIds, request.ClassName, request.Profile), ct);
        return CodeFormats.Result(http, format, batch, new { Created = batch.Accounts.Count, Updated = 0, DryRun = false, batch.Accounts });
    }

    private static async Task<IResult> ListAccounts(
        string uai, AccountStatus? status, Profile? profile, string? className, string? search, int? page, int? pageSize,
        ISender sender, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(
            new ListAccountsQuery(http.User.AccountId(), uai, new AccountFilter(status, profile, className, search), page ?? 1, pageSize ?? 50), ct));

    private static async Task<IResult> Stats(string uai, ISender sender, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetActivationStatsQuery(http.User.AccountId(), uai), ct));

    private static async Task<IResult> Audit(string uai, DateTimeOffset? from, DateTimeOffset? to, ISender sender, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetAuditQuery(http.User.AccountId(), uai, from, to), ct));

    private static async Task<IResult> SetBlocked(Guid id, bool blocked, ISender sender, HttpContext http, CancellationToken ct)
    {
        await sender.Send(new SetAccountBlockedCommand(http.User.AccountId(), id, blocked), ct);
        return TypedResults.NoContent();
    }
}

/// <summary>The three shapes of issued codes: JSON, CSV, PDF letters (<c>?format=</c>).</summary>
internal static class CodeFormats
{
    public static IResult? Problem(string? format) =>
        format is null or "json" or "csv" or "pdf"
            ? null
            : Problems.Field("format", "Format inconnu : choisissez « json », « csv » ou « pdf ».");

    public static IResult Result(HttpContext http, string? format, CodeBatch batch, object json)
    {
        var name = $"codes-{batch.EstablishmentUai}-{DateTime.UtcNow:yyyyMMdd-HHmm}";
        return format switch
        {
            "csv" => TypedResults.Stream(
                body => http.RequestServices.GetRequiredService<ICodeCsvWriter>().WriteAsync(batch, body, http.RequestAborted),
                "text/csv; charset=utf-8", name + ".csv"),
            "pdf" => TypedResults.Stream(
                body => http.RequestServices.GetRequiredService<IActivationLetterPrinter>().WriteAsync(batch, body, http.RequestAborted),
                "application/pdf", name.Replace("codes-", "courriers-", StringComparison.Ordinal) + ".pdf"),
            _ => TypedResults.Ok(json),
        };
    }
}
