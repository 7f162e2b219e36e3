using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Ent77.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef</c> build the SQL Server model and its script without a server.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerEnt77DbContext>
{
    public SqlServerEnt77DbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerEnt77DbContext>().UseSqlServer("Server=localhost;Database=Ent77;Integrated Security=true;TrustServerCertificate=true").Options);
}
