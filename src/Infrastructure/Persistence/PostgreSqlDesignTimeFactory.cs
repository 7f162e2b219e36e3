using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ent77.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL model and its migrations without a server.</summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlEnt77DbContext>
{
    public PostgreSqlEnt77DbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlEnt77DbContext>().UseNpgsql("Host=localhost;Database=ent77;Username=ent77").Options);
}
