using System.Globalization;
using System.Text.Json;
using Ent77.Application.Administration.ImportRoster;
using Ent77.Application.Common.Exceptions;
using Ent77.Domain.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Ent77.WebApi.Errors;

/// <summary>The one place where errors become RFC 9457 problem details, in French. Endpoints have no try/catch.</summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problems, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Map(exception);
        if (problem.Status >= 500)
        {
            LogUnhandled(logger, exception);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static ProblemDetails Map(Exception exception) => exception switch
    {
        ValidationFailedException e => Validation(e.Errors),
        DomainValidationException e => Validation(new Dictionary<string, string[]> { [e.Field] = e.Errors.Select(x => x.Message).ToArray() }),
        InvalidTransitionException e => Problem(StatusCodes.Status409Conflict, "Opération impossible dans l’état actuel.", e.Message, e.Code),
        DomainException e => Problem(StatusCodes.Status400BadRequest, "Demande refusée.", e.Message, e.Code),
        NotFoundException e => Problem(StatusCodes.Status404NotFound, "Introuvable.", e.Message),
        ForbiddenException e => Problem(StatusCodes.Status403Forbidden, "Accès refusé.", e.Message),
        RosterInvalidException e => Roster(e),
        Application.Administration.ImportSchoolExport.SchoolExportInvalidException e => SchoolExport(e),
        ConflictException e => Problem(StatusCodes.Status409Conflict, "Conflit.", e.Message, e.Code),
        ConcurrencyConflictException e => Problem(StatusCodes.Status409Conflict, "Conflit de mise à jour.", e.Message),
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            Problem(StatusCodes.Status413PayloadTooLarge, "Requête trop volumineuse.", "Le contenu envoyé dépasse la taille autorisée."),
        BadHttpRequestException { InnerException: JsonException } =>
            Problem(StatusCodes.Status400BadRequest, "Requête invalide.", "Le corps de la requête n’est pas un JSON valide ou un champ n’a pas le bon type."),
        BadHttpRequestException e =>
            Problem(e.StatusCode, "Requête invalide.", "La requête est mal formée ou incomplète."),
        _ when Infrastructure.Persistence.StorageFailures.IsUniqueViolation(exception) =>
            Problem(StatusCodes.Status409Conflict, "Conflit de mise à jour.", "Une autre opération vient d’enregistrer les mêmes données. Rien n’a été enregistré : réessayez."),
        _ when Infrastructure.Persistence.StorageFailures.IsTemporarilyUnavailable(exception) =>
            Problem(StatusCodes.Status503ServiceUnavailable, "Service momentanément indisponible.", "Le service est très sollicité. Réessayez dans quelques secondes : rien n’a été enregistré."),
        _ => Problem(StatusCodes.Status500InternalServerError, "Erreur interne.", "Une erreur inattendue s’est produite. Réessayez plus tard."),
    };

    /// <summary>Every bad row of a roster: as messages under <c>errors.fichier</c>, and as data under <c>rows</c>.</summary>
    private static ValidationProblemDetails Roster(RosterInvalidException e)
    {
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]>
        {
            ["fichier"] = e.Errors.Select(r => r.LineNumber > 0 ? $"Ligne {r.LineNumber}, colonne {r.Column} : {r.Reason}" : r.Reason).ToArray(),
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Le fichier comporte des erreurs : rien n’a été importé.",
            Detail = e.Message,
        };
        problem.Extensions["rows"] = e.Errors.Select(r => new { line = r.LineNumber, column = r.Column, reason = r.Reason }).ToList();
        return problem;
    }

    /// <summary>Every problem of the exports: as messages under <c>errors.fichier</c>, and as data under <c>problems</c>.</summary>
    private static ValidationProblemDetails SchoolExport(Application.Administration.ImportSchoolExport.SchoolExportInvalidException e)
    {
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]>
        {
            ["fichier"] = e.Problems.Select(p => string.Concat(
                p.File.Length > 0 ? $"« {p.File} »" : "Envoi",
                p.Element is null ? string.Empty : $", {p.Element}",
                p.Line is { } line ? string.Create(CultureInfo.InvariantCulture, $" (ligne {line})") : string.Empty,
                " : ", p.Reason)).ToArray(),
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Les fichiers comportent des erreurs : rien n’a été importé.",
            Detail = e.Message,
        };
        problem.Extensions["problems"] = e.Problems
            .Select(p => new { file = p.File, element = p.Element, line = p.Line, kind = p.Kind.ToString(), reason = p.Reason })
            .ToList();
        return problem;
    }

    private static ValidationProblemDetails Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(errors.ToDictionary(kv => JsonNamingPolicy.CamelCase.ConvertName(kv.Key), kv => kv.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Certaines informations sont invalides.",
            Detail = "Corrigez les champs signalés puis réessayez.",
        };

    private static ProblemDetails Problem(int status, string title, string detail, string? code = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (code is not null)
        {
            problem.Extensions["code"] = code;
        }

        return problem;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);
}
