using Ent77.Domain.Accounts;
using Ent77.Infrastructure.Persistence;
using Ent77.WebApi.Cli;
using Ent77.WebApi.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.WebApi.Tests;

/// <summary>The command line against a real SQLite file, as an operator would type it.</summary>
public sealed class CommandLineTests : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ent77-cli-" + Guid.NewGuid().ToString("N"));
    private WebApplication _app = null!;

    public ValueTask InitializeAsync()
    {
        _app = WebApp.Build(["--environment", "Testing", $"--Data:Directory={_folder}"]);
        return ValueTask.CompletedTask;
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        var exit = await CommandLine.RunAsync(_app, args, output);
        return (exit, output.ToString());
    }

    [Fact]
    public async Task Migrate_CreatesTheDatabase()
    {
        var (exit, output) = await RunAsync("migrate");

        Assert.Equal(0, exit);
        Assert.Contains("Base de données à jour", output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "ent77.db")));
    }

    [Fact]
    public async Task Bootstrap_IssuesAPlatformAdministratorOfNoSchool_ThenASchoolAndItsAdministrator()
    {
        await RunAsync("migrate");

        var platform = await RunAsync("admins", "issue", "--platform", "--first-name", "Yves", "--last-name", "Carpentier");
        var added = await RunAsync("establishments", "add", "--uai", "0771234Y", "--name", "Collège Les Tilleuls", "--city", "Melun");
        var school = await RunAsync("admins", "issue", "--uai", "0771234Y", "--first-name", "Claire", "--last-name", "Martin");

        Assert.Equal(0, platform.Exit);
        Assert.Contains("Identifiant : yves.carpentier", platform.Output, StringComparison.Ordinal);
        Assert.Matches(@"Code d'activation : [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", platform.Output);
        Assert.Equal(0, added.Exit);
        Assert.Contains("0771234Y", added.Output, StringComparison.Ordinal);
        Assert.Equal(0, school.Exit);
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Ent77DbContext>();
        var yves = await db.Accounts.SingleAsync(a => a.Identifier == Identifier.FromStored("yves.carpentier"), TestContext.Current.CancellationToken);
        Assert.Equal(Profile.Staff, yves.Profile);
        Assert.Null(yves.EstablishmentId);
        Assert.Equal([new RoleGrant(Role.PlatformAdmin, null)], yves.Roles);
        var claire = await db.Accounts.SingleAsync(a => a.Identifier == Identifier.FromStored("claire.martin"), TestContext.Current.CancellationToken);
        var establishment = await db.Establishments.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(establishment.Id, claire.EstablishmentId);
        Assert.Equal([new RoleGrant(Role.EstablishmentAdmin, establishment.Id)], claire.Roles);
        Assert.Equal(2, await db.AuditEvents.CountAsync(e => e.Type == Domain.Auditing.AuditTypes.AdministratorIssued && e.ActorAccountId == null, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("aucun établissement", "--platform", "--uai", "0771234Y")]
    [InlineData("UAI n’est pas valide")]
    public async Task AdminsIssue_APlatformAdministratorWithASchool_OrASchoolAdministratorWithout_IsRefused(string expected, params string[] options)
    {
        await RunAsync("migrate");
        await RunAsync("establishments", "add", "--uai", "0771234Y", "--name", "Collège", "--city", "Melun");

        var (exit, output) = await RunAsync(["admins", "issue", "--first-name", "Yves", "--last-name", "Carpentier", .. options]);

        Assert.Equal(1, exit);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<Ent77DbContext>().Accounts.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task EstablishmentsAdd_RefusesAWrongCheckLetterAndADuplicate()
    {
        await RunAsync("migrate");
        await RunAsync("establishments", "add", "--uai", "0771234Y", "--name", "Collège", "--city", "Melun");

        var wrongLetter = await RunAsync("establishments", "add", "--uai", "0771234A", "--name", "Autre", "--city", "Meaux");
        var duplicate = await RunAsync("establishments", "add", "--uai", "0771234Y", "--name", "Autre", "--city", "Meaux");

        Assert.Equal(1, wrongLetter.Exit);
        Assert.Contains("lettre de contrôle", wrongLetter.Output, StringComparison.Ordinal);
        Assert.Equal(1, duplicate.Exit);
        Assert.Contains("existe déjà", duplicate.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AdminsIssue_WithoutARequiredOption_FailsWithoutWriting()
    {
        await RunAsync("migrate");

        var (exit, _) = await RunAsync("admins", "issue", "--uai", "0771234Y", "--first-name", "Claire");

        Assert.NotEqual(0, exit);
        await using var scope = _app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<Ent77DbContext>().Accounts.CountAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("migrate", true)]
    [InlineData("admins", true)]
    [InlineData("--urls", false)]
    public void IsCommand_TellsTheCommandLineFromTheWebService(string first, bool expected) =>
        Assert.Equal(expected, CommandLine.IsCommand([first]));

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
