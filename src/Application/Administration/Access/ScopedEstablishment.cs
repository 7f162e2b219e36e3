using Ent77.Application.Establishments;
using Ent77.Domain.Establishments;

namespace Ent77.Application.Administration.Access;

public static class ScopedEstablishment
{
    /// <summary>
    /// The establishment of an <see cref="IEstablishmentRequest"/>, which <see cref="AccessBehaviour{TMessage, TResponse}"/>
    /// has already found and checked before any handler runs.
    /// </summary>
    public static async Task<Establishment> GetScopedAsync(this IEstablishmentRepository establishments, string? uai, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(establishments);
        return await establishments.FindByUaiAsync(Uai.Parse(uai).Uai!, cancellationToken)
            ?? throw new InvalidOperationException("The access behaviour let an unknown establishment through.");
    }
}
