using Ent77.Application.Administration.Access;
using Ent77.Application.Establishments;
using Mediator;

namespace Ent77.Application.Administration.GetActivationStats;

public sealed class GetActivationStatsHandler(IAdministrationQueries queries, IEstablishmentRepository establishments, TimeProvider time)
    : IQueryHandler<GetActivationStatsQuery, ActivationStatsDto>
{
    public async ValueTask<ActivationStatsDto> Handle(GetActivationStatsQuery query, CancellationToken cancellationToken)
    {
        var establishment = await establishments.GetScopedAsync(query.Uai, cancellationToken);
        return await queries.GetActivationStatsAsync(establishment.Id, time.GetUtcNow(), cancellationToken);
    }
}
