using Ent77.Application.Common.Behaviours;
using Ent77.Application.Accounts.Common;
using Mediator;

namespace Ent77.Application.Accounts.ChangePassword;

/// <summary>A signed-in person changes their password. The answer carries the new session ticket for this session.</summary>
public sealed record ChangePasswordCommand(Guid AccountId, Guid SessionId, string? CurrentPassword, string? NewPassword, string? NewPasswordConfirmation)
    : ICommand<SessionTicket?>, IRetryOnConcurrencyConflict;
