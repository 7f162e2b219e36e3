using Ent77.Domain.Accounts;
using Mediator;

namespace Ent77.Application.Accounts.ConfirmPasswordReset;

/// <summary>A reset secret was refused (unknown, expired, used or revoked, or a wrong SMS code); the account when one was named.</summary>
public sealed record PasswordResetFailed(Guid? AccountId, Guid? EstablishmentId, ResetChannel Channel, DateTimeOffset OccurredAt) : INotification;
