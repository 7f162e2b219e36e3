using Ent77.WebApi.Cli;
using Ent77.WebApi.Hosting;

try
{
    var app = WebApp.Build(CommandLine.IsCommand(args) ? [] : args);
    if (CommandLine.IsCommand(args))
    {
        return await CommandLine.RunAsync(app, args, Console.Out);
    }

    await app.RunAsync();
    return 0;
}
catch (Ent77.Infrastructure.Persistence.DatabaseUnavailableException e)
{
    // A database out of reach or badly configured: one clear line naming the setting, no stack trace.
    await Console.Error.WriteLineAsync($"Démarrage impossible : {e.Message}");
    return 3;
}

/// <summary>The entry point, visible to <c>WebApplicationFactory</c>.</summary>
public partial class Program;
