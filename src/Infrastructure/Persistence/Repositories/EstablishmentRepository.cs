using Ent77.Application.Establishments;
using Ent77.Domain.Establishments;
using Microsoft.EntityFrameworkCore;

namespace Ent77.Infrastructure.Persistence.Repositories;

internal sealed class EstablishmentRepository(Ent77DbContext db) : IEstablishmentRepository
{
    public Task<Establishment?> FindByUaiAsync(Uai uai, CancellationToken cancellationToken) =>
        db.Establishments.SingleOrDefaultAsync(e => e.Uai == uai, cancellationToken);

    public Task<Establishment?> FindAsync(EstablishmentId id, CancellationToken cancellationToken) =>
        db.Establishments.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);

    /// <summary>Compiled once and untracked: it runs on every <c>GET /api/account</c> of a school's account.</summary>
    private static readonly Func<Ent77DbContext, EstablishmentId, CancellationToken, Task<Establishment?>> FindView =
        EF.CompileAsyncQuery((Ent77DbContext db, EstablishmentId id, CancellationToken _) =>
            db.Establishments.AsNoTracking().SingleOrDefault(e => e.Id == id));

    public Task<Establishment?> FindForViewAsync(EstablishmentId id, CancellationToken cancellationToken) =>
        FindView(db, id, cancellationToken);

    public async Task<IReadOnlyList<Establishment>> ListAsync(CancellationToken cancellationToken) =>
        await db.Establishments.AsNoTracking().OrderBy(e => e.Name).ToListAsync(cancellationToken);

    public void Add(Establishment establishment) => db.Establishments.Add(establishment);
}
