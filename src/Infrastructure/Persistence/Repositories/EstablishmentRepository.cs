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

    public async Task<IReadOnlyList<Establishment>> ListAsync(CancellationToken cancellationToken) =>
        await db.Establishments.AsNoTracking().OrderBy(e => e.Name).ToListAsync(cancellationToken);

    public void Add(Establishment establishment) => db.Establishments.Add(establishment);
}
