using Ent77.Domain.Establishments;
using Riok.Mapperly.Abstractions;

namespace Ent77.Application.Establishments.ListEstablishments;

/// <summary>A school as the public list shows it. Every member of the DTO must be mapped; the aggregate's others are left.</summary>
[Mapper(RequiredMappingStrategy = RequiredMappingStrategy.Target)]
public static partial class EstablishmentMapper
{
    public static partial EstablishmentDto ToDto(Establishment establishment);

    private static string MapUai(Uai uai) => uai.Value;
}
