using Ent77.Application.Administration.Access;
using Ent77.Application.Establishments;
using Mediator;

namespace Ent77.Application.Administration.GetAudit;

/// <summary>The school's audit events of a period (the last 30 days by default), newest first, at most <see cref="MaxAuditEvents"/>.</summary>
public sealed class GetAuditHandler(IAdministrationQueries queries, IEstablishmentRepository establishments, TimeProvider time)
    : IQueryHandler<GetAuditQuery, IReadOnlyList<AuditEventDto>>
{
    public const int MaxAuditEvents = 1000;

    public async ValueTask<IReadOnlyList<AuditEventDto>> Handle(GetAuditQuery query, CancellationToken cancellationToken)
    {
        var to = query.To ?? time.GetUtcNow();
        var from = query.From ?? to.AddDays(-30);
        var establishment = await establishments.GetScopedAsync(query.Uai, cancellationToken);
        return await queries.GetAuditAsync(establishment.Id, from, to, MaxAuditEvents, cancellationToken);
    }
}
