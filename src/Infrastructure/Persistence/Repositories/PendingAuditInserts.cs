namespace Ent77.Infrastructure.Persistence.Repositories;

/// <summary>The audit rows of one unit of work that go in bulk (one per account of an import or a re-issue).</summary>
internal sealed class PendingAuditInserts
{
    private readonly List<Domain.Auditing.AuditEvent> _events = [];

    public void Add(IEnumerable<Domain.Auditing.AuditEvent> events) => _events.AddRange(events);

    /// <summary>The events waiting, handed over once (the list is emptied).</summary>
    public List<Domain.Auditing.AuditEvent> Take()
    {
        var taken = _events.ToList();
        _events.Clear();
        return taken;
    }
}
