using Mediator;

namespace Ent77.Application.Accounts.GetResetChannels;

/// <summary>The reset channels offered: <c>email</c>, and <c>sms</c> once the SMS service is enabled.</summary>
public sealed record GetResetChannelsQuery : IQuery<IReadOnlyList<string>>;
