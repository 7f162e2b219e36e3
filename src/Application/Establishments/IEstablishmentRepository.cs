using Ent77.Domain.Establishments;

namespace Ent77.Application.Establishments;

public interface IEstablishmentRepository
{
    Task<Establishment?> FindByUaiAsync(Uai uai, CancellationToken cancellationToken);

    Task<Establishment?> FindAsync(EstablishmentId id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Establishment>> ListAsync(CancellationToken cancellationToken);

    void Add(Establishment establishment);
}
