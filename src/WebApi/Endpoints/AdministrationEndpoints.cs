using Ent77.Application.Administration;
using Ent77.Application.Common;
using Ent77.Application.Administration.GetActivationStats;
using Ent77.Application.Administration.GetAudit;
using Ent77.Application.Administration.ImportRoster;
using Ent77.Application.Administration.ImportSchoolExport;
using Ent77.Application.Administration.SchoolExports;
using Ent77.Application.Administration.ListAccounts;
using Ent77.Application.Administration.ReissueCodes;
using Ent77.Application.Administration.SetAccountBlocked;
using Ent77.Application.Establishments.AddEstablishment;
using Ent77.Application.Establishments.ListEstablishments;
using Ent77.Application.Establishments.IssueAdministrator;
using Ent77.Domain.Accounts;
using Ent77.Infrastructure.Administration.SchoolExports;
using Ent77.WebApi.Errors;
using Ent77.WebApi.Security;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Ent77.WebApi.Endpoints;

public sealed record AddEstablishmentRequest(string? Uai, string? Name, string? City);

public sealed record IssueAdministratorRequest(string? FirstName, string? LastName);

public sealed record ReissueCodesRequest(IReadOnlyList<Guid>? AccountIds, string? ClassName, Profile? Profile, bool OnlyPending = true);

/// <summary>The JSON answer of an import or a re-issue: what was created or updated, and each account with its new code.</summary>
public sealed record CodeBatchResponse(int Created, int Updated, bool DryRun, IReadOnlyList<IssuedCodeDto> Accounts);

/// <summary>
/// The JSON answer of an import: how many people were created, updated (or came back), blocked because they left, and
/// found unchanged; the homonym warnings; each person with what the import does to them (<c>operation</c>: <c>created</c>,
/// <c>updated</c>, <c>unchanged</c>, <c>left</c>; the counts are the numbers of each), a parent's <c>children</c>, and the
/// code of those who got one.
/// </summary>
public sealed record ImportResponse(
    int Created, int Updated, int Left, int Unchanged, bool DryRun, IReadOnlyList<ImportWarning> Warnings, IReadOnlyList<IssuedCodeDto> Accounts);

/// <summary>
/// School administration: bootstrap, roster imports, codes, follow-up, blocking, audit. Every request needs a
/// session; who may do what is decided in one place, the application's access behaviour (403 otherwise).
/// </summary>
public static class AdministrationEndpoints
{
    /// <summary>A roster of 100,000 people is about 6 MB; the limit leaves room and stays bounded.</summary>
    public const long MaxImportBytes = 32L * 1024 * 1024;

    private const string CodeFormatsText = "`?format=json` (par défaut) : JSON ; `csv` : le fichier des codes (UTF-8, point-virgule) ; "
        + "`pdf` : les courriers à remettre, un par compte.";

    public static IEndpointRouteBuilder MapAdministration(this IEndpointRouteBuilder routes)
    {
        var admin = routes.MapGroup("/api/admin").WithTags("Administration").RequireAuthorization()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        admin.MapPost("/establishments", AddEstablishment)
            .WithName("AddEstablishment")
            .WithSummary("Créer un établissement (PlatformAdmin)")
            .WithDescription("UAI, nom et commune. 201 avec l’établissement ; 409 si l’UAI existe déjà ; 400 si sa lettre de contrôle est fausse.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/establishments/{uai}/administrators", IssueAdministrator)
            .WithName("IssueEstablishmentAdministrator")
            .WithSummary("Créer l’administrateur d’un établissement (PlatformAdmin)")
            .WithDescription("Crée un compte de personnel administrateur de l’établissement : 201 avec son identifiant et son code d’activation.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/establishments/{uai}/imports", Import)
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes + (1024 * 1024)))
            .Accepts<IFormFile>("multipart/form-data", "text/csv", "text/plain", "application/octet-stream")
            .WithName("ImportRoster")
            .WithSummary("Importer un fichier CSV, ou les exports SIECLE et STS-Web ; codes en JSON, CSV ou courriers PDF")
            .WithDescription("Le CSV (corps `text/csv`, ou champ `file` d’un formulaire multipart) crée les comptes nouveaux et met à jour "
                + "les autres ; chaque compte créé reçoit un code d’activation. `?source=siecle` : un formulaire multipart d’un à trois "
                + "fichiers XML ou zip (élèves, responsables, personnels ; champs de n’importe quel nom) synchronise l’établissement : "
                + "nouveaux comptes, mises à jour, départs bloqués (« a quitté l’établissement »). Le JSON dit pour chaque personne ce que "
                + "fait l’import (`operation` : `created`, `updated`, `unchanged` ou `left`, départs compris) et, pour un responsable, ses "
                + "enfants (`children`) ; le CSV et les courriers n’ont pas de ligne pour un départ. " + CodeFormatsText + " `?dryRun=true` : rien n’est "
                + "enregistré, la réponse dit ce qui le serait. 400 avec chaque erreur, ligne ou fichier et élément (rien n’est importé).")
            .ProducesCodeFiles()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/establishments/{uai}/activation-codes", Reissue)
            .WithName("ReissueActivationCodes")
            .WithSummary("Réémettre des codes d’activation (les anciens sont annulés)")
            .WithDescription("Nouveaux codes pour les comptes choisis (par identifiants, classe ou profil) ; leurs anciens codes ne valent plus. "
                + CodeFormatsText)
            .ProducesCodeFiles()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/establishments/{uai}/accounts", ListAccounts)
            .WithName("ListEstablishmentAccounts")
            .WithSummary("Comptes de l’établissement, filtrés et paginés")
            .WithDescription("Filtres : statut, profil, classe, recherche sur le nom ou l’identifiant ; pages de 50 par défaut (500 au plus).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/establishments/{uai}/activation-stats", Stats)
            .WithName("GetActivationStats")
            .WithSummary("Taux d’activation par profil et par classe")
            .WithDescription("Comptes actifs, en attente, bloqués et codes expirés, avec le taux d’activation : en tout, par profil, par classe.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapGet("/establishments/{uai}/audit", Audit)
            .WithName("GetEstablishmentAudit")
            .WithSummary("Journal d’audit de l’établissement")
            .WithDescription("Les événements de sécurité et d’administration des comptes de l’établissement sur la période `from`–`to`.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapPost("/accounts/{id:guid}/block", (Guid id, ISender sender, HttpContext http, CancellationToken ct) => SetBlocked(id, true, sender, http, ct))
            .WithName("BlockAccount")
            .WithSummary("Bloquer un compte (ses sessions prennent fin)")
            .WithDescription("Le compte ne peut plus se connecter ni s’activer ; ses sessions prennent fin et son code est annulé. "
                + "409 s’il est déjà bloqué.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPost("/accounts/{id:guid}/unblock", (Guid id, ISender sender, HttpContext http, CancellationToken ct) => SetBlocked(id, false, sender, http, ct))
            .WithName("UnblockAccount")
            .WithSummary("Débloquer un compte")
            .WithDescription("Le compte revient actif (ou en attente s’il n’a jamais été activé, sans son ancien code). 409 s’il n’est pas bloqué.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return routes;
    }

    private static async Task<Created<EstablishmentDto>> AddEstablishment(AddEstablishmentRequest request, ISender sender, HttpContext http, CancellationToken ct)
    {
        var created = await sender.Send(new AddEstablishmentCommand(http.User.Actor(), request.Uai, request.Name, request.City), ct);
        return TypedResults.Created($"/api/establishments#{created.Uai}", created);
    }

    private static async Task<Created<IssuedAdministratorDto>> IssueAdministrator(string uai, IssueAdministratorRequest request, ISender sender, HttpContext http, CancellationToken ct)
    {
        var issued = await sender.Send(new IssueAdministratorCommand(http.User.Actor(), uai, request.FirstName, request.LastName), ct);
        return TypedResults.Created($"/api/admin/establishments/{uai}/accounts?search={issued.Identifier}", issued);
    }

    private static async Task<Results<Ok<ImportResponse>, PushStreamHttpResult, InvalidField>> Import(
        string uai, string? format, bool? dryRun, string? source, HttpRequest request, ISender sender, HttpContext http, CancellationToken ct)
    {
        if (CodeFormats.Problem(format) is { } badFormat)
        {
            return badFormat;
        }

        if (source is not null)
        {
            return source == "siecle"
                ? await ImportSchoolExport(uai, format, dryRun, request, sender, http, ct)
                : Problems.Field("source", "Source inconnue : « siecle » pour les exports SIECLE et STS-Web, rien pour un fichier CSV.");
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
            var result = await sender.Send(new ImportRosterCommand(http.User.Actor(), uai, csv, dryRun ?? false), ct);
            return CodeFormats.Result(http, format, result.Batch, ToResponse(result));
        }
    }

    /// <summary>
    /// The SIECLE and STS-Web exports: every file of the form, whatever its field. The body may hold three files at their
    /// cap (<c>SchoolExports:MaxFileBytes</c>), plus room for the form itself.
    /// </summary>
    private static async Task<Results<Ok<ImportResponse>, PushStreamHttpResult, InvalidField>> ImportSchoolExport(
        string uai, string? format, bool? dryRun, HttpRequest request, ISender sender, HttpContext http, CancellationToken ct)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            var options = http.RequestServices.GetRequiredService<IOptions<SchoolExportOptions>>().Value;
            limit.MaxRequestBodySize = Math.Max(MaxImportBytes, 3 * options.MaxFileBytes) + (1024 * 1024);
        }

        if (!request.HasFormContentType)
        {
            return Problems.Field("file", "Envoyez les exports (un à trois fichiers XML ou zip) dans un formulaire multipart.");
        }

        var form = await request.ReadFormAsync(ct);
        var files = form.Files.Select(f => new SchoolExportFile(f.FileName, f.OpenReadStream())).ToList();
        try
        {
            var result = await sender.Send(new ImportSchoolExportCommand(http.User.Actor(), uai, files, dryRun ?? false), ct);
            return CodeFormats.Result(http, format, result.Batch, ToResponse(result));
        }
        finally
        {
            foreach (var file in files)
            {
                await file.Content.DisposeAsync();
            }
        }
    }

    private static ImportResponse ToResponse(ImportResult result) =>
        new(result.Created, result.Updated, result.Left, result.Unchanged, result.DryRun, result.Warnings, result.Batch.Accounts);

    private static async Task<Results<Ok<CodeBatchResponse>, PushStreamHttpResult, InvalidField>> Reissue(
        string uai, string? format, ReissueCodesRequest request, ISender sender, HttpContext http, CancellationToken ct)
    {
        if (CodeFormats.Problem(format) is { } badFormat)
        {
            return badFormat;
        }

        var batch = await sender.Send(new ReissueCodesCommand(http.User.Actor(), uai, request.AccountIds, request.ClassName, request.Profile), ct);
        return CodeFormats.Result(http, format, batch, new CodeBatchResponse(Created: batch.Accounts.Count, Updated: 0, DryRun: false, batch.Accounts));
    }

    private static async Task<Ok<PagedResult<AccountSummaryDto>>> ListAccounts(
        string uai, AccountStatus? status, Profile? profile, string? className, string? search, int? page, int? pageSize,
        ISender sender, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(
            new ListAccountsQuery(http.User.Actor(), uai, new AccountFilter(status, profile, className, search), page ?? 1, pageSize ?? 50), ct));

    private static async Task<Ok<ActivationStatsDto>> Stats(string uai, ISender sender, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetActivationStatsQuery(http.User.Actor(), uai), ct));

    private static async Task<Ok<IReadOnlyList<AuditEventDto>>> Audit(
        string uai, DateTimeOffset? from, DateTimeOffset? to, ISender sender, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetAuditQuery(http.User.Actor(), uai, from, to), ct));

    private static async Task<NoContent> SetBlocked(Guid id, bool blocked, ISender sender, HttpContext http, CancellationToken ct)
    {
        await sender.Send(new SetAccountBlockedCommand(http.User.Actor(), id, blocked), ct);
        return TypedResults.NoContent();
    }
}

/// <summary>The three shapes of issued codes: JSON, CSV, PDF letters (<c>?format=</c>).</summary>
internal static class CodeFormats
{
    public static InvalidField? Problem(string? format) =>
        format is null or "json" or "csv" or "pdf"
            ? null
            : Problems.Field("format", "Format inconnu : choisissez « json », « csv » ou « pdf ».");

    public static Results<Ok<T>, PushStreamHttpResult, InvalidField> Result<T>(HttpContext http, string? format, CodeBatch batch, T json)
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

    /// <summary>Documents the CSV and PDF shapes beside the JSON one of the 200 answer.</summary>
    public static RouteHandlerBuilder ProducesCodeFiles(this RouteHandlerBuilder builder) =>
        builder.WithMetadata(new OpenApi.AlsoAnswersFiles(StatusCodes.Status200OK, "text/csv", "application/pdf"));
}
