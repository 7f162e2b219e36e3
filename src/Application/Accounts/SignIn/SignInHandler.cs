using Ent77.Application.Accounts.Common;
using Ent77.Application.Common;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts;
using Mediator;
using Microsoft.Extensions.Options;

namespace Ent77.Application.Accounts.SignIn;

/// <summary>
/// Signs in with a personal password, or recognises a pending account's live activation code.
/// Every failure (unknown identifier, wrong secret, expired code, locked or blocked account) returns
/// the same result after the same hashing work: one password verification and one code HMAC.
/// </summary>
public sealed class SignInHandler(
    IAccountRepository accounts,
    IPasswordHasher passwordHasher,
    IActivationCodeHasher codeHasher,
    AccountViewReader views,
    IPublisher publisher,
    IOptions<AccountRulesOptions> rules,
    TimeProvider time) : ICommandHandler<SignInCommand, AuthResult>
{
    public async ValueTask<AuthResult> Handle(SignInCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var secret = command.Password!;
        var codeHash = ActivationCodeValue.TryParse(secret, out var code) ? codeHasher.Hash(code) : null;
        var account = Identifier.TryParse(command.Identifier, out var identifier)
            ? await accounts.FindByIdentifierAsync(identifier, cancellationToken)
            : null;

        if (account is null)
        {
            passwordHasher.Verify(passwordHasher.DummyHash, secret);
            await publisher.Publish(new SignInAttempted(null, null, SignInResult.Failed, WhileLockedOut: false, now), cancellationToken);
            return AuthResult.Failed;
        }

        var wasLocked = account.IsLockedOut(now);
        var result = account.SignIn(secret, codeHash, passwordHasher, rules.Value.Lockout, now);
        await publisher.Publish(new SignInAttempted(account.Id.Value, account.EstablishmentId?.Value, result, wasLocked, now), cancellationToken);
        return result switch
        {
            SignInResult.SignedIn => await views.SignedInAsync(account, command.RememberMe, command.UserAgent, cancellationToken),
            SignInResult.ActivationRequired => new AuthResult(AuthOutcome.ActivationRequired, account.Identifier.Value),
            _ => AuthResult.Failed,
        };
    }
}
