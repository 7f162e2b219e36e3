using Ent77.Application.Support.GetHelpRequest;
using Ent77.Application.Support.ListHelpRequests;
using Ent77.Domain.Establishments;
using Ent77.Domain.Support;

namespace Ent77.Application.Support;

/// <summary>Read models of the help requests of a school.</summary>
public interface ISupportQueries
{
    Task<IReadOnlyList<HelpRequestSummaryDto>> ListAsync(EstablishmentId establishment, HelpRequestStatus? status, HelpRequestKind? kind, CancellationToken cancellationToken);

    /// <summary>The school's accounts whose names contain every word of <paramref name="name"/> (case and accents ignored).</summary>
    Task<IReadOnlyList<SuggestedAccountDto>> SuggestAccountsAsync(EstablishmentId establishment, string name, int limit, CancellationToken cancellationToken);
}
