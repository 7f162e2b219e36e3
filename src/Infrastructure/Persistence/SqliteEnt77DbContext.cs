using Microsoft.EntityFrameworkCore;

namespace Ent77.Infrastructure.Persistence;

public sealed class SqliteEnt77DbContext(DbContextOptions<SqliteEnt77DbContext> options) : Ent77DbContext(options);
