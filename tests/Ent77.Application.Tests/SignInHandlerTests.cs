using Ent77.Application.Accounts.Common;
using Ent77.Application.Accounts.SignIn;
using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Events;
using NSubstitute;

namespace Ent77.Application.Tests;

public sealed class SignInHandlerTests
{
    private readonly Ports _ports = new();

    private SignInHandler Handler() =>
        new(_ports.Accounts, _ports.PasswordHasher, _ports.CodeHasher, _ports.Views, _ports.Publisher, _ports.Rules, _ports.Time);

    [Fact]
    public async Task SignIn_WithUnknownIdentifier_FailsAfterOneDummyVerification()
    {
        var result = await Handler().Handle(new SignInCommand("inconnu.personne", "Violette-2012", false), default);

        Assert.Equal(AuthOutcome.Failed, result.Outcome);
        _ports.PasswordHasher.Received(1).Verify("dummy", "Violette-2012");
        await _ports.Publisher.Received(1).Publish(new SignInAttempted(null, null, SignInResult.Failed, false, _ports.Time.GetUtcNow()), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task SignIn_WithPendingAccountsLiveCode_AsksForActivation_WithoutSession()
    {
        var (account, code) = _ports.PendingAccount();

        var result = await Handler().Handle(new SignInCommand("HÉLÈNE.dupont", code.ToLowerInvariant(), false), default);

        Assert.Equal(AuthOutcome.ActivationRequired, result.Outcome);
        Assert.Equal("helene.dupont", result.Identifier);
        Assert.Null(result.Session);
        _ports.PasswordHasher.Received(1).Verify(Arg.Any<string>(), Arg.Any<string>());
        await _ports.Publisher.Received(1).Publish(
            new SignInAttempted(account.Id.Value, _ports.Establishment.Id.Value, SignInResult.ActivationRequired, false, _ports.Time.GetUtcNow()), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task SignIn_FifthFailure_LocksTheAccount_AndEachFailureIsPublished()
    {
        var (account, _) = _ports.PendingAccount();
        account.ClearDomainEvents();
        for (var i = 0; i < 5; i++)
        {
            await Handler().Handle(new SignInCommand(account.Identifier.Value, "WRONG-CODE-1", false), default);
        }

        Assert.True(account.IsLockedOut(_ports.Time.GetUtcNow()));
        Assert.IsType<AccountLockedOut>(Assert.Single(account.DomainEvents));
        await _ports.Publisher.Received(5).Publish(Arg.Is<SignInAttempted>(e => e.Result == SignInResult.Failed && !e.WhileLockedOut), Arg.Any<CancellationToken>());
    }
}
