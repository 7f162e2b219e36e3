using Ent77.Application.Common;
using Mediator;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Accounts.GetResetChannels;

/// <summary>The reset channels offered: <c>email</c>, and <c>sms</c> once the SMS service is enabled.</summary>
public sealed record GetResetChannelsQuery : IQuery<IReadOnlyList<string>>;

public sealed class GetResetChannelsHandler(IOptions<RecoveryOptions> options) : IQueryHandler<GetResetChannelsQuery, IReadOnlyList<string>>
{
    public ValueTask<IReadOnlyList<string>> Handle(GetResetChannelsQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(options.Value.Channels);
}
