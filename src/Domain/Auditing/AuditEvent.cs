namespace Ent77.Domain.Auditing;

/// <summary>
/// What happened, to whom, by whom, when. Never holds a secret (no password, code, token or link):
/// <see cref="Details"/> is a short fixed phrase chosen by the code, never typed input.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent()
    {
    }

    public long Id { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public string Type { get; private set; } = string.Empty;

    public Guid? AccountId { get; private set; }

    public Guid? EstablishmentId { get; private set; }

    public Guid? ActorAccountId { get; private set; }

    public string? Details { get; private set; }

    public static AuditEvent Record(
        string type, DateTimeOffset occurredAt, Guid? accountId = null, Guid? establishmentId = null, Guid? actorAccountId = null, string? details = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        return new AuditEvent
        {
            Type = type,
            OccurredAt = occurredAt,
            AccountId = accountId,
            EstablishmentId = establishmentId,
            ActorAccountId = actorAccountId,
            Details = details,
        };
    }
}
