using Ent77.Application.Common;
using Mediator;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Accounts.GetResetChannels;

public sealed class GetResetChannelsHandler(IOptions<RecoveryOptions> options) : IQueryHandler<GetResetChannelsQuery, IReadOnlyList<string>>
{
    public ValueTask<IReadOnlyList<string>> Handle(GetResetChannelsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(options.Value.Channels);
}
