using Ent77.Application.Administration.Access;
using Mediator;

namespace Ent77.Application.Administration.GetActivationStats;

public sealed record GetActivationStatsQuery(Actor Actor, string? Uai) : IQuery<ActivationStatsDto>, IEstablishmentRequest;
