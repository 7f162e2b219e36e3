using Ent77.WebApi.Cli;
using Ent77.WebApi.Hosting;

var app = WebApp.Build(CommandLine.IsCommand(args) ? [] : args);
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args, Console.Out);
}

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to <c>WebApplicationFactory</c>.</summary>
public partial class Program;
