using Ent77.Domain.Support;

namespace Ent77.Application.Support.ListHelpRequests;

public sealed record HelpRequestSummaryDto(
    Guid Id, string Reference, HelpRequestKind Kind, HelpRequestStatus Status, string RequesterName, string? StudentName, string? ClassName,
    DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt);
