using Ent77.Domain.Establishments;
using Mediator;
using Riok.Mapperly.Abstractions;

namespace Ent77.Application.Establishments.ListEstablishments;

public sealed record EstablishmentDto(string Uai, string Name, string City);

/// <summary>The public list of establishments (for the help form), by name.</summary>
public sealed record ListEstablishmentsQuery : IQuery<IReadOnlyList<EstablishmentDto>>;

public sealed class ListEstablishmentsHandler(IEstablishmentRepository establishments)
    : IQueryHandler<ListEstablishmentsQuery, IReadOnlyList<EstablishmentDto>>
{
    public async ValueTask<IReadOnlyList<EstablishmentDto>> Handle(ListEstablishmentsQuery query, CancellationToken cancellationToken)
    {
        var all = await establishments.ListAsync(cancellationToken);
        return all.Select(EstablishmentMapper.ToDto).ToList();
    }
}

[Mapper]
public static partial class EstablishmentMapper
{
    [MapperIgnoreSource(nameof(Establishment.Id))]
    [MapperIgnoreSource(nameof(Establishment.CreatedAt))]
    [MapperIgnoreSource(nameof(Establishment.DomainEvents))]
    [MapperIgnoreSource(nameof(Establishment.Version))]
    public static partial EstablishmentDto ToDto(Establishment establishment);

    private static string MapUai(Uai uai) => uai.Value;
}
