namespace Ent77.Application.Terms.GetCurrentTerms;

public sealed record TermsDto(string Version, string Title, string Content, DateTimeOffset PublishedAt);
