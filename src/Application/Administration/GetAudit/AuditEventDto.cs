namespace Ent77.Application.Administration.GetAudit;

public sealed record AuditEventDto(DateTimeOffset OccurredAt, string Type, Guid? AccountId, string? AccountIdentifier, Guid? ActorAccountId, string? ActorIdentifier, string? Details);
