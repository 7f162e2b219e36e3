using Ent77.Application.Support;
using Ent77.Domain.Auditing;
using Ent77.Infrastructure.Persistence;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Ent77.Infrastructure.Support;

/// <summary>Deletes the help requests closed longer ago than the retention, and says so in the audit log.</summary>
public sealed class HelpRequestPurgeJob(IHelpRequestRepository requests, Ent77DbContext db, IOptions<SupportOptions> options, TimeProvider time)
{
    public const string RecurringJobId = "help-requests-purge";

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(600)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var purged = await requests.PurgeDueAsync(now, options.Value.Retention, cancellationToken);
        if (purged > 0)
        {
            db.AuditEvents.Add(AuditEvent.Record(AuditTypes.HelpRequestsPurged, now, details: $"{purged} demande(s) close(s) depuis plus de {(int)options.Value.Retention.TotalDays} jours"));
            await db.SaveChangesAsync(cancellationToken);
        }

        return purged;
    }
}
