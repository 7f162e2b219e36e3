using Mediator;

namespace Ent77.Application.Accounts.SignOutEverywhere;

/// <summary>The person ended every session of their account, the current one included.</summary>
public sealed record SignedOutEverywhere(Guid AccountId, DateTimeOffset OccurredAt) : INotification;
