using Ent77.Domain.Establishments;

namespace Ent77.Application.Establishments;

public interface IEstablishmentRepository
{
    Task<Establishment?> FindByUaiAsync(Uai uai, CancellationToken cancellationToken);

    Task<Establishment?> FindAsync(EstablishmentId id, CancellationToken cancellationToken);

    /// <summary>An establishment to show, never to change (untracked: nothing read this way is saved).</summary>
    Task<Establishment?> FindForViewAsync(EstablishmentId id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Establishment>> ListAsync(CancellationToken cancellationToken);

    void Add(Establishment establishment);
}
