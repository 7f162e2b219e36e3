using Ent77.Domain.Auditing;

namespace Ent77.Application.Common.Ports;

/// <summary>Adds audit events to the current unit of work (written with the change they describe).</summary>
public interface IAuditLog
{
    void Record(AuditEvent auditEvent);
}
