using Ent77.Domain.Auditing;

namespace Ent77.Application.Common.Ports;

/// <summary>Adds audit events to the current unit of work (written with the change they describe).</summary>
public interface IAuditLog
{
    void Record(AuditEvent auditEvent);

    /// <summary>Many events at once (one per account of an import or a re-issue), written in bulk where the storage allows.</summary>
    void RecordMany(IEnumerable<AuditEvent> auditEvents);
}
