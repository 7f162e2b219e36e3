namespace Ent77.Application.Accounts.Common;

public sealed record AuthResult(AuthOutcome Outcome, string? Identifier = null, AccountDto? Account = null, SessionTicket? Session = null)
{
    public static AuthResult Failed { get; } = new(AuthOutcome.Failed);
}
