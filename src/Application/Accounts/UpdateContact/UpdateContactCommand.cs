using Ent77.Application.Common.Behaviours;
using Mediator;

namespace Ent77.Application.Accounts.UpdateContact;

/// <summary>A signed-in person replaces their e-mail and mobile, giving the current password. False when it is wrong.</summary>
public sealed record UpdateContactCommand(Guid AccountId, string? Email, string? MobilePhone, string? CurrentPassword) : ICommand<bool>, IRetryOnConcurrencyConflict;
