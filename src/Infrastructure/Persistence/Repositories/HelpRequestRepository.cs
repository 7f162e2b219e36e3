using Microsoft.EntityFrameworkCore;

namespace Ent77.Infrastructure.Persistence.Repositories;

internal sealed class HelpRequestRepository(Ent77DbContext db) : Application.Support.IHelpRequestRepository
{
    /// <summary>By key: the tracked request if this unit of work holds it (added or loaded), else from the database.</summary>
    public async Task<Domain.Support.HelpRequest?> FindAsync(Domain.Support.HelpRequestId id, CancellationToken cancellationToken) =>
        await db.HelpRequests.FindAsync([id], cancellationToken);

    public Task<bool> ReferenceExistsAsync(string reference, CancellationToken cancellationToken) =>
        db.HelpRequests.AnyAsync(r => r.Reference == reference, cancellationToken);

    public void Add(Domain.Support.HelpRequest request) => db.HelpRequests.Add(request);

    public Task<int> PurgeDueAsync(DateTimeOffset now, TimeSpan retention, CancellationToken cancellationToken) =>
        db.HelpRequests.Where(Domain.Support.HelpRequest.DueForPurge(now, retention)).ExecuteDeleteAsync(cancellationToken);
}
