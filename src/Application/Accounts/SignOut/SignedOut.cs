using Mediator;

namespace Ent77.Application.Accounts.SignOut;

/// <summary>The person signed out (their session row, if any, is deleted).</summary>
public sealed record SignedOut(Guid AccountId, DateTimeOffset OccurredAt) : INotification;
