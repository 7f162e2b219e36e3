using Microsoft.EntityFrameworkCore;

namespace Ent77.Infrastructure.Persistence;

public sealed class PostgreSqlEnt77DbContext(DbContextOptions<PostgreSqlEnt77DbContext> options) : Ent77DbContext(options);
