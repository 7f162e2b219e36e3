using Ent77.Domain.Support;

namespace Ent77.Application.Support.GetHelpRequest;

public sealed record HelpRequestDetailDto(
    Guid Id, string Reference, HelpRequestKind Kind, HelpRequestStatus Status,
    string RequesterFirstName, string RequesterLastName, string? RequesterEmail, string? RequesterPhone,
    string? StudentName, string? ClassName, string Message,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? ClosedAt, string? Note,
    IReadOnlyList<SuggestedAccountDto> Suggestions);
