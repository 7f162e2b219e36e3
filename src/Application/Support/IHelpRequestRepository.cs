using Ent77.Domain.Support;

namespace Ent77.Application.Support;

public interface IHelpRequestRepository
{
    /// <summary>The request, also when it was added in this unit of work and is not stored yet.</summary>
    Task<HelpRequest?> FindAsync(HelpRequestId id, CancellationToken cancellationToken);

    Task<bool> ReferenceExistsAsync(string reference, CancellationToken cancellationToken);

    void Add(HelpRequest request);

    /// <summary>Deletes the requests <see cref="HelpRequest.DueForPurge"/>; returns how many.</summary>
    Task<int> PurgeDueAsync(DateTimeOffset now, TimeSpan retention, CancellationToken cancellationToken);
}
