using Ent77.Application.Common.Ports;
using Ent77.Domain.Auditing;
using Ent77.Infrastructure.Persistence.Repositories;

namespace Ent77.Infrastructure.Persistence;

internal sealed class AuditLog(Ent77DbContext db) : IAuditLog
{
    public void Record(AuditEvent auditEvent) => db.AuditEvents.Add(auditEvent);

    /// <summary>On SQLite and PostgreSQL, written in bulk by the unit of work (<see cref="BulkAccountWriter"/>); elsewhere added to EF Core.</summary>
    public void RecordMany(IEnumerable<AuditEvent> auditEvents)
    {
        if (BulkAccountWriter.SupportsAudit(db))
        {
            db.PendingAuditEvents.Add(auditEvents);
        }
        else
        {
            db.AuditEvents.AddRange(auditEvents);
        }
    }
}
