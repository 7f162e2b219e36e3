using Ent77.Domain.Establishments;

namespace Ent77.Application.Establishments;

public static class EstablishmentRepositoryExtensions
{
    /// <summary>An establishment that must exist (an event or an account names it).</summary>
    public static async Task<Establishment> GetAsync(this IEstablishmentRepository establishments, EstablishmentId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(establishments);
        return await establishments.FindAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Establishment {id} does not exist.");
    }
}
