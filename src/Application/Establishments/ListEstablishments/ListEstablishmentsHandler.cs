using Mediator;

namespace Ent77.Application.Establishments.ListEstablishments;

public sealed class ListEstablishmentsHandler(IEstablishmentRepository establishments)
    : IQueryHandler<ListEstablishmentsQuery, IReadOnlyList<EstablishmentDto>>
{
    public async ValueTask<IReadOnlyList<EstablishmentDto>> Handle(ListEstablishmentsQuery query, CancellationToken cancellationToken)
    {
        var all = await establishments.ListAsync(cancellationToken);
        return all.Select(EstablishmentMapper.ToDto).ToList();
    }
}
