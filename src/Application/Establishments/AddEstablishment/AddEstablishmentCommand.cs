using Ent77.Application.Administration.Access;
using Ent77.Application.Establishments.ListEstablishments;
using Mediator;

namespace Ent77.Application.Establishments.AddEstablishment;

public sealed record AddEstablishmentCommand(Actor Actor, string? Uai, string? Name, string? City)
    : ICommand<EstablishmentDto>, IPlatformAdminRequest;
