using Mediator;

namespace Ent77.Application.Terms.GetCurrentTerms;

public sealed record GetCurrentTermsQuery : IQuery<TermsDto>;
