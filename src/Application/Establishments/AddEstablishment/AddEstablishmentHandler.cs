using Ent77.Application.Common.Exceptions;
using Ent77.Application.Establishments.ListEstablishments;
using Ent77.Domain.Establishments;
using Mediator;

namespace Ent77.Application.Establishments.AddEstablishment;

public sealed class AddEstablishmentHandler(IEstablishmentRepository establishments, TimeProvider time)
    : ICommandHandler<AddEstablishmentCommand, EstablishmentDto>
{
    public async ValueTask<EstablishmentDto> Handle(AddEstablishmentCommand command, CancellationToken cancellationToken)
    {
        var uai = Uai.Parse(command.Uai).Uai!;
        if (await establishments.FindByUaiAsync(uai, cancellationToken) is not null)
        {
            throw new ConflictException("establishment.exists", $"L’établissement {uai} existe déjà.");
        }

        var now = time.GetUtcNow();
        var establishment = Establishment.Create(uai, command.Name!, command.City!, now);
        establishments.Add(establishment);
        return EstablishmentMapper.ToDto(establishment);
    }
}
