using Ent77.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Ent77.Infrastructure.Tests;

/// <summary>The SQL Server path, proved without a server: the model builds, its migrations match it, its script generates.</summary>
public sealed class SqlServerModelTests
{
    private static SqlServerEnt77DbContext Context() => new SqlServerDesignTimeFactory().CreateDbContext([]);

    [Fact]
    public void Model_BuildsWithTheSqlServerProvider()
    {
        using var context = Context();
        var accounts = context.Model.FindEntityType(typeof(Domain.Accounts.Account))!;
        Assert.Equal("Accounts", accounts.GetTableName());
        Assert.Contains(accounts.GetIndexes(), i => i.IsUnique && i.Properties.Single().Name == "Identifier");
        Assert.Contains("CREATE TABLE [Accounts]", context.Database.GenerateCreateScript(), StringComparison.Ordinal);
    }

    [Fact]
    public void Migrations_MatchTheModel_ForBothProviders()
    {
        using var sqlServer = Context();
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(sqlServer.Database.HasPendingModelChanges());
        Assert.False(sqlite.Database.HasPendingModelChanges());
        Assert.NotEmpty(sqlServer.Database.GetMigrations());
        Assert.NotEmpty(sqlite.Database.GetMigrations());
    }

    [Fact]
    public void IdempotentScript_Generates()
    {
        using var context = Context();
        var script = context.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [ActivationCodes]", script, StringComparison.Ordinal);
        Assert.Contains("__EFMigrationsHistory", script, StringComparison.Ordinal);
    }
}
