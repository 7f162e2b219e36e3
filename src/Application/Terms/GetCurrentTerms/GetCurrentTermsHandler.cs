using Mediator;

namespace Ent77.Application.Terms.GetCurrentTerms;

public sealed class GetCurrentTermsHandler(ITermsRepository terms) : IQueryHandler<GetCurrentTermsQuery, TermsDto>
{
    public async ValueTask<TermsDto> Handle(GetCurrentTermsQuery query, CancellationToken cancellationToken)
    {
        var current = await terms.GetCurrentAsync(cancellationToken);
        return new TermsDto(current.Version, current.Title, current.Content, current.PublishedAt);
    }
}
