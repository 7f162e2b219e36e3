using Microsoft.EntityFrameworkCore;

namespace Ent77.Infrastructure.Persistence;

public sealed class SqlServerEnt77DbContext(DbContextOptions<SqlServerEnt77DbContext> options) : Ent77DbContext(options);
