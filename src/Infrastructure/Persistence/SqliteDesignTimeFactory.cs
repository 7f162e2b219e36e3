using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ent77.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the SQLite model without starting the service.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteEnt77DbContext>
{
    public SqliteEnt77DbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteEnt77DbContext>().UseSqlite("Data Source=design-time.db").Options);
}
