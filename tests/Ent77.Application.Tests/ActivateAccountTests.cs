using Ent77.Application.Accounts.ActivateAccount;
using Ent77.Application.Accounts.Common;
using Ent77.Application.Notifications;
using Ent77.Application.Notifications.Messages;
using Ent77.Domain.Accounts.Events;
using Ent77.Domain.Common;
using Ent77.Application.Terms;
using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Passwords;
using Ent77.Domain.Auditing;
using Ent77.Domain.Terms;
using NSubstitute;

namespace Ent77.Application.Tests;

public sealed class ActivateAccountTests
{
    private readonly Ports _ports = new();
    private readonly ITermsRepository _terms = Substitute.For<ITermsRepository>();

    public ActivateAccountTests() =>
        _terms.GetCurrentAsync(Arg.Any<CancellationToken>()).Returns(TermsOfUse.Publish("2026-09", "CGU", "Texte", _ports.Time.GetUtcNow()));

    private ActivateAccountHandler Handler() =>
        new(_ports.Accounts, _terms, _ports.PasswordHasher, _ports.CodeHasher, PasswordPolicy.Default, _ports.Views, _ports.Publisher, _ports.Rules, _ports.Time);

    private static ActivateAccountCommand Command(string identifier, string code, string password = "Violette-2012") =>
        new(identifier, code, password, password, "parent@example.fr", "06 12 34 56 78", true, false);

    [Fact]
    public async Task Activate_WithLiveCode_SignsInAndRecordsTheTermsVersion_ThenItsEventWelcomesThePerson()
    {
        var (account, code) = _ports.PendingAccount();
        account.ClearDomainEvents();

        var result = await Handler().Handle(Command("helene.dupont", code), default);
        Assert.IsType<AccountActivated>(Assert.Single(account.DomainEvents));
        await _ports.PublishDomainEventsAsync(account);

        Assert.Equal(AuthOutcome.SignedIn, result.Outcome);
        Assert.Equal(account.SecurityStamp, result.Session!.SecurityStamp);
        Assert.Equal("2026-09", account.AcceptedTermsVersion);
        Assert.Equal("+33612345678", account.MobilePhone!.E164);
        _ports.Audit.Received(1).Record(Arg.Is<AuditEvent>(e => e.Type == AuditTypes.AccountActivated));
        _ports.Outbox.Received(1).Enqueue(
            MessageRecipient.Email("parent@example.fr", account.Id.Value), new WelcomeMessage("Hélène", "helene.dupont"), Arg.Is<OneTimeSecret>(s => s.Value == "link-1"));
        Assert.Equal("hash:link-1", account.EmailConfirmationHash);
    }

    [Fact]
    public async Task Activate_WithWrongCode_FailsAndCountsTowardTheLockout()
    {
        var (account, _) = _ports.PendingAccount();

        var result = await Handler().Handle(Command("helene.dupont", "AAAA-BBBB-CCCC"), default);

        Assert.Equal(AuthOutcome.Failed, result.Outcome);
        Assert.Equal(1, account.FailedSignInCount);
        Assert.Equal(AccountStatus.Pending, account.Status);
        await _ports.Publisher.Received(1).Publish(new ActivationFailed(account.Id.Value, _ports.Establishment.Id.Value, _ports.Time.GetUtcNow()), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Activate_WithUnknownIdentifier_FailsLikeAWrongCode()
    {
        var result = await Handler().Handle(Command("personne.inconnue", "AAAA-BBBB-CCCC"), default);

        Assert.Same(AuthResult.Failed, result);
        _ports.PasswordHasher.DidNotReceive().Hash(Arg.Any<string>());
    }

    [Fact]
    public void Validator_ReportsEveryBrokenFieldAtOnce()
    {
        var validator = new ActivateAccountValidator(PasswordPolicy.Default);

        var result = validator.Validate(new ActivateAccountCommand("helene.dupont", "", "abc", "abd", "pas-une-adresse", "01 64 00 00 00", false, false));

        var fields = result.Errors.Select(e => e.PropertyName).Distinct().Order().ToArray();
        Assert.Equal(["AcceptTerms", "ActivationCode", "Email", "MobilePhone", "Password", "PasswordConfirmation"], fields);
        Assert.Contains(result.Errors, e => e.ErrorMessage.Contains("au moins 8 caractères", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.ErrorMessage.Contains("au moins un chiffre", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.ErrorMessage.Contains("mobile", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("helene.dupont2024", "identifiant")]
    [InlineData("Dupont-2024x", "nom")]
    public void Validator_UsesTheNamesThatTheIdentifierGives(string password, string expectedWord)
    {
        var validator = new ActivateAccountValidator(PasswordPolicy.Default);

        var result = validator.Validate(Command("helene.dupont", "AAAA-BBBB-CCCC", password));

        Assert.Contains(result.Errors, e => e.PropertyName == "Password" && e.ErrorMessage.Contains(expectedWord, StringComparison.Ordinal));
    }

    [Fact]
    public void Validator_AcceptsAValidRequestWithoutMobile()
    {
        var validator = new ActivateAccountValidator(PasswordPolicy.Default);

        var result = validator.Validate(Command("helene.dupont", "AAAA-BBBB-CCCC") with { MobilePhone = null });

        Assert.True(result.IsValid, string.Join(" | ", result.Errors));
    }
}
