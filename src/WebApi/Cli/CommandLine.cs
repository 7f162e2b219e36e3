using System.CommandLine;
using Ent77.Application.Administration.Access;
using Ent77.Application.Establishments.AddEstablishment;
using Ent77.Application.Establishments.IssueAdministrator;
using Ent77.Infrastructure.Persistence;
using Mediator;

namespace Ent77.WebApi.Cli;

/// <summary>
/// The service's command line (same executable): <c>migrate</c>, <c>establishments add</c>, <c>admins issue</c>.
/// Any other first argument starts the web service. Its commands are sent as <see cref="Actor.Operator"/>, the one
/// actor that needs no account (whoever runs them runs the service).
/// </summary>
public static class CommandLine
{
    private static readonly string[] Verbs = ["migrate", "establishments", "admins", "--help", "-h", "-?"];

    public static bool IsCommand(string[] args) => args.Length > 0 && Verbs.Contains(args[0], StringComparer.Ordinal);

    public static Task<int> RunAsync(WebApplication app, string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(app);
        return Build(app.Services, output).Parse(args).InvokeAsync();
    }

    internal static RootCommand Build(IServiceProvider services, TextWriter output)
    {
        var root = new RootCommand("ENT 77 — service d'activation des comptes.");

        var migrate = new Command("migrate", "Crée ou met à jour la base de données (SQLite, PostgreSQL ou SQL Server).");
        migrate.SetAction(async (_, ct) =>
        {
            await using var scope = services.CreateAsyncScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(ct);
            }
            catch (DatabaseUnavailableException e)
            {
                await output.WriteLineAsync($"Erreur : {e.Message}");
                return 3;
            }

            await output.WriteLineAsync("Base de données à jour.");
            return 0;
        });
        root.Subcommands.Add(migrate);

        var uai = new Option<string>("--uai") { Description = "Code UAI de l'établissement (ex. 0771234Y)", Required = true };
        var name = new Option<string>("--name") { Description = "Nom de l'établissement", Required = true };
        var city = new Option<string>("--city") { Description = "Commune", Required = true };
        var add = new Command("add", "Ajoute un établissement.") { uai, name, city };
        add.SetAction((result, ct) => SendAsync(services, output, new AddEstablishmentCommand(Actor.Operator, result.GetValue(uai), result.GetValue(name), result.GetValue(city)),
            created => $"Établissement {created.Uai} créé : {created.Name} ({created.City})", ct));
        root.Subcommands.Add(new Command("establishments", "Gère les établissements.") { add });

        var adminUai = new Option<string>("--uai") { Description = "Code UAI de l'établissement (sans objet avec --platform)" };
        var firstName = new Option<string>("--first-name") { Description = "Prénom", Required = true };
        var lastName = new Option<string>("--last-name") { Description = "Nom", Required = true };
        var platform = new Option<bool>("--platform") { Description = "Administrateur de toute la plateforme (PlatformAdmin), rattaché à aucun établissement" };
        var issue = new Command("issue", "Crée un compte administrateur et affiche son identifiant et son code d'activation.")
        {
            adminUai, firstName, lastName, platform,
        };
        issue.SetAction((result, ct) => SendAsync(services, output,
            new IssueAdministratorCommand(Actor.Operator, result.GetValue(adminUai), result.GetValue(firstName), result.GetValue(lastName), result.GetValue(platform)),
            issued => $"Identifiant : {issued.Identifier}{Environment.NewLine}Code d'activation : {issued.ActivationCode} (valable jusqu'au {issued.ExpiresAt:dd/MM/yyyy})", ct));
        root.Subcommands.Add(new Command("admins", "Gère les administrateurs.") { issue });
        return root;
    }

    private static async Task<int> SendAsync<TResponse>(
        IServiceProvider services, TextWriter output, ICommand<TResponse> command, Func<TResponse, string> describe, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        try
        {
            var response = await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, ct);
            await output.WriteLineAsync(describe(response));
            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var problem = Errors.ProblemDetailsExceptionHandler.Map(e);
            await output.WriteLineAsync($"Erreur : {problem.Detail}");
            if (problem is Microsoft.AspNetCore.Mvc.ValidationProblemDetails validation)
            {
                foreach (var (field, messages) in validation.Errors)
                {
                    await output.WriteLineAsync($"  {field} : {string.Join(" ", messages)}");
                }
            }

            return problem.Status >= 500 ? 2 : 1;
        }
    }
}
