using Ent77.Domain.Support;

namespace Ent77.Application.Support;

public static class HelpRequestRepositoryExtensions
{
    /// <summary>A help request that must exist: it raised the event being handled (and may not be stored yet).</summary>
    public static async Task<HelpRequest> GetAsync(this IHelpRequestRepository requests, HelpRequestId id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return await requests.FindAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Help request {id} does not exist.");
    }
}
