using Mediator;

namespace Ent77.Application.Accounts.ActivateAccount;

/// <summary>
/// An activation was refused: unknown identifier (<paramref name="AccountId"/> null), wrong, expired or used code, or a
/// locked account.
/// </summary>
public sealed record ActivationFailed(Guid? AccountId, Guid? EstablishmentId, DateTimeOffset OccurredAt) : INotification;
