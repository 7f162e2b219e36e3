using Ent77.Application.Administration.Access;
using Mediator;

namespace Ent77.Application.Administration.GetAudit;

public sealed record GetAuditQuery(Actor Actor, string? Uai, DateTimeOffset? From, DateTimeOffset? To) : IQuery<IReadOnlyList<AuditEventDto>>, IEstablishmentRequest;
