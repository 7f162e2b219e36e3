using Ent77.Application.Administration.Access;
using Ent77.Application.Common.Exceptions;
using Ent77.Application.Common.Ports;
using Ent77.Application.Establishments.ListEstablishments;
using Ent77.Domain.Auditing;
using Ent77.Domain.Establishments;
using FluentValidation;
using Mediator;

namespace Ent77.Application.Establishments.AddEstablishment;

public sealed record AddEstablishmentCommand(string? Uai, string? Name, string? City, Guid? ActorAccountId = null)
    : ICommand<EstablishmentDto>, IPlatformAdminRequest;

public sealed class AddEstablishmentValidator : AbstractValidator<AddEstablishmentCommand>
{
    public AddEstablishmentValidator()
    {
        RuleFor(c => c.Uai).Custom((uai, context) =>
        {
            switch (Uai.Parse(uai).Problem)
            {
                case UaiProblem.Malformed:
                    context.AddFailure("Le code UAI doit comporter 7 chiffres suivis d'une lettre (exemple : 0771234Y).");
                    break;
                case UaiProblem.WrongCheckLetter:
                    context.AddFailure("La lettre de contrôle du code UAI est incorrecte.");
                    break;
            }
        });
        RuleFor(c => c.Name)
            .NotEmpty().WithMessage("Le nom de l'établissement est obligatoire.")
            .MaximumLength(Establishment.MaxNameLength).WithMessage($"Le nom de l'établissement ne doit pas dépasser {Establishment.MaxNameLength} caractères.");
        RuleFor(c => c.City)
            .NotEmpty().WithMessage("La commune est obligatoire.")
            .MaximumLength(Establishment.MaxCityLength).WithMessage($"La commune ne doit pas dépasser {Establishment.MaxCityLength} caractères.");
    }
}

public sealed class AddEstablishmentHandler(IEstablishmentRepository establishments, IAuditLog audit, TimeProvider time)
    : ICommandHandler<AddEstablishmentCommand, EstablishmentDto>
{
    public async ValueTask<EstablishmentDto> Handle(AddEstablishmentCommand command, CancellationToken cancellationToken)
    {
        var uai = Uai.Parse(command.Uai).Uai!;
        if (await establishments.FindByUaiAsync(uai, cancellationToken) is not null)
        {
            throw new ConflictException("establishment.exists", $"L'établissement {uai} existe déjà.");
        }

        var now = time.GetUtcNow();
        var establishment = Establishment.Create(uai, command.Name!, command.City!, now);
        establishments.Add(establishment);
        audit.Record(AuditEvent.Record(AuditTypes.EstablishmentCreated, now, establishmentId: establishment.Id.Value, actorAccountId: command.ActorAccountId, details: uai.Value));
        return EstablishmentMapper.ToDto(establishment);
    }
}
