using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Events;
using Ent77.Domain.Common;
using static Ent77.Domain.Tests.TestData;
using static Ent77.Domain.Tests.AccountSteps;

namespace Ent77.Domain.Tests;

/// <summary>Activating a pending account with its live code, a password that meets the policy and the accepted terms.</summary>
public sealed class AccountActivationTests
{
    private readonly FakePasswordHasher _hasher = new();

    [Fact]
    public void Activate_WithLiveCode_ActivatesAndRecordsEverything()
    {
        var account = PendingAccountWithCode();
        var stamp = account.SecurityStamp;
        var at = Now.AddDays(2);
        var mobile = MobilePhone.FromStored("+33612345678");

        account.Activate(new ActivationDetails(CodeHash, Password, Email, mobile, TermsVersion), Policy, _hasher, at);

        Assert.Equal(AccountStatus.Active, account.Status);
        Assert.Equal(at, account.ActivatedAt);
        Assert.Equal(FakePasswordHasher.DefaultPrefix + Password, account.PasswordHash);
        Assert.Equal(Email, account.Email);
        Assert.Equal(mobile, account.MobilePhone);
        Assert.Equal(TermsVersion, account.AcceptedTermsVersion);
        Assert.Equal(at, account.TermsAcceptedAt);
        Assert.NotEqual(stamp, account.SecurityStamp);
        var activated = Assert.IsType<AccountActivated>(account.DomainEvents[^1]);
        Assert.Equal(account.Id, activated.AccountId);
        Assert.Equal(TermsVersion, activated.TermsVersion);
        Assert.Equal(at, activated.OccurredAt);
    }

    [Fact]
    public void Activate_WithoutMobile_LeavesItEmpty()
    {
        var account = PendingAccountWithCode();

        account.Activate(new ActivationDetails(CodeHash, Password, Email, null, TermsVersion), Policy, _hasher, Now);

        Assert.Null(account.MobilePhone);
        Assert.Equal(AccountStatus.Active, account.Status);
    }

    [Fact]
    public void Activate_ConsumesTheCode()
    {
        var account = PendingAccountWithCode();
        var at = Now.AddDays(2);

        account.Activate(Details(), Policy, _hasher, at);

        Assert.Null(account.LiveCode(at));
        Assert.False(account.CanActivateWith(CodeHash, at));
        Assert.Equal(at, account.ActivationCodes.Single().ConsumedAt);
    }

    [Fact]
    public void Activate_HashesTheWholePassword()
    {
        var account = PendingAccountWithCode();
        var longPassword = "Violette-" + new string('x', 100) + "-2012-" + new string('y', 13);
        Assert.Equal(128, longPassword.Length);

        account.Activate(Details(password: longPassword), Policy, _hasher, Now);

        Assert.Equal(FakePasswordHasher.DefaultPrefix + longPassword, account.PasswordHash);
    }

    [Fact]
    public void Activate_ResetsTheFailureCount()
    {
        var account = PendingAccountWithCode();
        Fail(account, 4, Now);

        account.Activate(Details(), Policy, _hasher, Now);

        Assert.Equal(0, account.FailedSignInCount);
    }

    [Fact]
    public void Activate_OnAnActiveAccount_Throws()
    {
        var account = ActiveAccount(_hasher);

        var ex = Assert.Throws<InvalidTransitionException>(() => account.Activate(Details(), Policy, _hasher, Now));

        Assert.Equal(Account.Errors.NotPending, ex.Code);
    }

    [Fact]
    public void Activate_OnABlockedAccount_Throws()
    {
        var account = PendingAccountWithCode();
        account.Block(Now);

        var ex = Assert.Throws<InvalidTransitionException>(() => account.Activate(Details(), Policy, _hasher, Now));

        Assert.Equal(Account.Errors.NotPending, ex.Code);
    }

    [Fact]
    public void Activate_WithWrongCode_Throws()
    {
        var account = PendingAccountWithCode();

        var ex = Assert.Throws<DomainException>(() => account.Activate(Details(codeHash: OtherCodeHash), Policy, _hasher, Now));

        Assert.Equal(Account.Errors.CodeInvalid, ex.Code);
        AssertStillPending(account);
    }

    [Fact]
    public void Activate_WhenCodeExpired_Fails()
    {
        var account = PendingAccountWithCode();

        var ex = Assert.Throws<DomainException>(() => account.Activate(Details(), Policy, _hasher, Now + Validity));

        Assert.Equal(Account.Errors.CodeInvalid, ex.Code);
        Assert.Equal(AccountStatus.Pending, account.Status);
    }

    [Fact]
    public void Activate_WithARevokedCode_Fails()
    {
        var account = PendingAccountWithCode();
        account.IssueActivationCode(OtherCodeHash, Now, Validity);

        var ex = Assert.Throws<DomainException>(() => account.Activate(Details(codeHash: CodeHash), Policy, _hasher, Now));

        Assert.Equal(Account.Errors.CodeInvalid, ex.Code);
    }

    [Fact]
    public void Activate_WithoutAnyCode_Fails()
    {
        var account = PendingAccount();

        var ex = Assert.Throws<DomainException>(() => account.Activate(Details(), Policy, _hasher, Now));

        Assert.Equal(Account.Errors.CodeInvalid, ex.Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Activate_WithoutAcceptedTerms_Throws(string terms)
    {
        var account = PendingAccountWithCode();

        var ex = Assert.Throws<DomainException>(() => account.Activate(Details(terms: terms), Policy, _hasher, Now));

        Assert.Equal(Account.Errors.TermsRequired, ex.Code);
        AssertStillPending(account);
    }

    [Fact]
    public void Activate_WithPasswordContainingTheFirstName_Throws()
    {
        var account = PendingAccountWithCode();

        var ex = Assert.Throws<DomainValidationException>(() => account.Activate(Details(password: "Helene-2024x"), Policy, _hasher, Now));

        Assert.Equal("password", ex.Field);
        Assert.Contains(ex.Errors, e => e.Code == "password.contains_name");
        AssertStillPending(account);
    }

    [Fact]
    public void Activate_WithPasswordBreakingSeveralRules_ReportsThemAll()
    {
        var account = PendingAccountWithCode();

        var ex = Assert.Throws<DomainValidationException>(() => account.Activate(Details(password: "dupont"), Policy, _hasher, Now));

        Assert.Equal("password", ex.Field);
        Assert.Contains(ex.Errors, e => e.Code == "password.too_short");
        Assert.Contains(ex.Errors, e => e.Code == "password.no_digit");
        Assert.Contains(ex.Errors, e => e.Code == "password.contains_name");
    }

    private static void AssertStillPending(Account account)
    {
        Assert.Equal(AccountStatus.Pending, account.Status);
        Assert.Null(account.PasswordHash);
        Assert.Null(account.ActivatedAt);
        Assert.Null(account.AcceptedTermsVersion);
        Assert.True(account.CanActivateWith(CodeHash, Now));
    }
}
