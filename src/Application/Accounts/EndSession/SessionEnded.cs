using Mediator;

namespace Ent77.Application.Accounts.EndSession;

/// <summary>The person ended one of their own sessions (from another device).</summary>
public sealed record SessionEnded(Guid AccountId, DateTimeOffset OccurredAt) : INotification;
