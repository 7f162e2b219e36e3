using Ent77.Domain.Establishments;
using Ent77.Domain.Support;

namespace Ent77.Application.Support;

public interface IHelpRequestRepository
{
    Task<HelpRequest?> FindAsync(HelpRequestId id, CancellationToken cancellationToken);

    Task<bool> ReferenceExistsAsync(string reference, CancellationToken cancellationToken);

    void Add(HelpRequest request);

    /// <summary>Deletes the requests closed before <paramref name="closedBefore"/>; returns how many.</summary>
    Task<int> PurgeClosedAsync(DateTimeOffset closedBefore, CancellationToken cancellationToken);
}

public sealed record HelpRequestSummaryDto(
    Guid Id, string Reference, HelpRequestKind Kind, HelpRequestStatus Status, string RequesterName, string? StudentName, string? ClassName,
    DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt);

public sealed record SuggestedAccountDto(Guid Id, string Identifier, string FirstName, string LastName, Domain.Accounts.Profile Profile, string? ClassName, Domain.Accounts.AccountStatus Status);

/// <summary>Read models of the help requests of a school.</summary>
public interface ISupportQueries
{
    Task<IReadOnlyList<HelpRequestSummaryDto>> ListAsync(EstablishmentId establishment, HelpRequestStatus? status, HelpRequestKind? kind, CancellationToken cancellationToken);

    /// <summary>The school's accounts whose names contain every word of <paramref name="name"/> (case and accents ignored).</summary>
    Task<IReadOnlyList<SuggestedAccountDto>> SuggestAccountsAsync(EstablishmentId establishment, string name, int limit, CancellationToken cancellationToken);
}
