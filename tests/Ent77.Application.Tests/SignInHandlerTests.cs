using Ent77.Application.Accounts.Common;
using Ent77.Application.Accounts.SignIn;
using Ent77.Domain.Accounts;
using Ent77.Domain.Auditing;
using NSubstitute;

namespace Ent77.Application.Tests;

public sealed class SignInHandlerTests
{
    private readonly Ports _ports = new();

    private SignInHandler Handler() =>
        new(_ports.Accounts, _ports.PasswordHasher, _ports.CodeHasher, _ports.Views, _ports.Audit, _ports.Rules, _ports.Time);

    [Fact]
    public async Task SignIn_WithUnknownIdentifier_FailsAfterOneDummyVerification()
    {
        var result = await Handler().Handle(new SignInCommand("inconnu.personne", "Violette-2012", false), default);

        Assert.Equal(AuthOutcome.Failed, result.Outcome);
        _ports.PasswordHasher.Received(1).Verify("dummy", "Violette-2012");
        _ports.Audit.Received(1).Record(Arg.Is<AuditEvent>(e => e.Type == AuditTypes.SignInFailed && e.AccountId == null));
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
        _ports.Audit.Received(1).Record(Arg.Is<AuditEvent>(e => e.Type == AuditTypes.SignInActivationRequired && e.AccountId == account.Id.Value));
    }

    [Fact]
    public async Task SignIn_FifthFailure_RecordsTheLockoutInTheAuditLog()
    {
        var (account, _) = _ports.PendingAccount();
        for (var i = 0; i < 5; i++)
        {
            account.ClearDomainEvents();
            await Handler().Handle(new SignInCommand(account.Identifier.Value, "WRONG-CODE-1", false), default);
        }

        Assert.True(account.IsLockedOut(_ports.Time.GetUtcNow()));
        _ports.Audit.Received(1).Record(Arg.Is<AuditEvent>(e => e.Type == AuditTypes.AccountLockedOut));
        _ports.Audit.Received(5).Record(Arg.Is<AuditEvent>(e => e.Type == AuditTypes.SignInFailed));
    }
}
