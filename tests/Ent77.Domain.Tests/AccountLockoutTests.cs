using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Events;
using Ent77.Domain.Common;
using static Ent77.Domain.Tests.TestData;
using static Ent77.Domain.Tests.AccountSteps;

namespace Ent77.Domain.Tests;

/// <summary>Locking an account after consecutive failures (sign-in or activation), and what a locked account may still do.</summary>
public sealed class AccountLockoutTests
{
    private readonly FakePasswordHasher _hasher = new();

    [Fact]
    public void SignIn_AfterFiveConsecutiveFailures_LocksFor15Minutes()
    {
        var account = ActiveAccount(_hasher);
        var t = Now.AddHours(1);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(SignInResult.Failed, account.SignIn("wrong-1234", null, _hasher, Lockout, t));
            Assert.False(account.IsLockedOut(t));
        }

        Assert.Equal(SignInResult.Failed, account.SignIn("wrong-1234", null, _hasher, Lockout, t));

        Assert.True(account.IsLockedOut(t));
        Assert.Equal(t.AddMinutes(15), account.LockedUntil);
        Assert.True(account.IsLockedOut(t.AddMinutes(15) - TimeSpan.FromTicks(1)));
        Assert.False(account.IsLockedOut(t.AddMinutes(15)));
        var locked = Assert.IsType<AccountLockedOut>(account.DomainEvents[^1]);
        Assert.Equal(t.AddMinutes(15), locked.Until);
    }

    [Fact]
    public void SignIn_DuringLockout_FailsEvenWithTheRightPassword()
    {
        var account = ActiveAccount(_hasher);
        var t = Now.AddHours(1);
        LockOut(account, t);

        Assert.Equal(SignInResult.Failed, account.SignIn(Password, null, _hasher, Lockout, t));
        Assert.Equal(SignInResult.Failed, account.SignIn(Password, null, _hasher, Lockout, t.AddMinutes(14)));
        Assert.True(account.IsLockedOut(t.AddMinutes(14)));
    }

    [Fact]
    public void SignIn_DuringLockout_DoesNotExtendTheLock()
    {
        var account = ActiveAccount(_hasher);
        var t = Now.AddHours(1);
        LockOut(account, t);

        for (var i = 0; i < 10; i++)
        {
            account.SignIn("wrong-1234", null, _hasher, Lockout, t.AddMinutes(1));
        }

        Assert.Equal(t.AddMinutes(15), account.LockedUntil);
        Assert.Equal(0, account.FailedSignInCount);
    }

    [Fact]
    public void SignIn_After15Minutes_WorksAgain()
    {
        var account = ActiveAccount(_hasher);
        var t = Now.AddHours(1);
        LockOut(account, t);

        Assert.Equal(SignInResult.SignedIn, account.SignIn(Password, null, _hasher, Lockout, t.AddMinutes(15)));
        Assert.False(account.IsLockedOut(t.AddMinutes(15)));
        Assert.Equal(0, account.FailedSignInCount);
    }

    [Fact]
    public void SignIn_AfterALockExpires_CountsFailuresFromZero()
    {
        var account = ActiveAccount(_hasher);
        var t = Now.AddHours(1);
        LockOut(account, t);
        var after = t.AddMinutes(15);

        Fail(account, 4, after);

        Assert.False(account.IsLockedOut(after));
        Assert.Equal(SignInResult.Failed, account.SignIn("wrong-1234", null, _hasher, Lockout, after));
        Assert.True(account.IsLockedOut(after));
    }

    [Fact]
    public void SignIn_PendingAccountDuringLockout_FailsEvenWithTheLiveCode()
    {
        var account = PendingAccountWithCode();
        LockOut(account, Now);

        Assert.Equal(SignInResult.Failed, account.SignIn("code", CodeHash, _hasher, Lockout, Now));
        Assert.False(account.CanActivateWith(CodeHash, Now));
        Assert.Equal(SignInResult.ActivationRequired, account.SignIn("code", CodeHash, _hasher, Lockout, Now.AddMinutes(15)));
    }

    [Fact]
    public void SignIn_SuccessResetsTheFailureCount()
    {
        var account = ActiveAccount(_hasher);
        var t = Now.AddHours(1);

        Fail(account, 4, t);
        Assert.Equal(SignInResult.SignedIn, account.SignIn(Password, null, _hasher, Lockout, t));
        Assert.Equal(0, account.FailedSignInCount);
        Fail(account, 4, t);

        Assert.False(account.IsLockedOut(t));
        Assert.Equal(4, account.FailedSignInCount);
    }

    [Fact]
    public void SignIn_ActivationRequiredResetsTheFailureCount()
    {
        var account = PendingAccountWithCode();

        Fail(account, 4, Now);
        Assert.Equal(SignInResult.ActivationRequired, account.SignIn("code", CodeHash, _hasher, Lockout, Now));
        Fail(account, 4, Now);

        Assert.False(account.IsLockedOut(Now));
    }

    [Fact]
    public void SignIn_UsesTheConfiguredLockoutPolicy()
    {
        var account = ActiveAccount(_hasher);
        var policy = new LockoutPolicy(2, TimeSpan.FromMinutes(1));
        var t = Now.AddHours(1);

        account.SignIn("wrong-1234", null, _hasher, policy, t);
        account.SignIn("wrong-1234", null, _hasher, policy, t);

        Assert.True(account.IsLockedOut(t));
        Assert.False(account.IsLockedOut(t.AddMinutes(1)));
    }

    [Fact]
    public void LockoutPolicy_Default_IsFiveFailuresFor15Minutes()
    {
        Assert.Equal(5, LockoutPolicy.Default.MaxFailures);
        Assert.Equal(TimeSpan.FromMinutes(15), LockoutPolicy.Default.Duration);
    }

    [Fact]
    public void RecordFailedActivation_CountsTowardTheLockout()
    {
        var account = PendingAccountWithCode();

        Fail(account, 4, Now);
        Assert.False(account.IsLockedOut(Now));
        account.RecordFailedActivation(Lockout, Now);

        Assert.True(account.IsLockedOut(Now));
        Assert.False(account.CanActivateWith(CodeHash, Now));
    }

    [Fact]
    public void RecordFailedActivation_FiveTimes_Locks()
    {
        var account = PendingAccountWithCode();

        for (var i = 0; i < 5; i++)
        {
            account.RecordFailedActivation(Lockout, Now);
        }

        Assert.True(account.IsLockedOut(Now));
        Assert.Equal(Now.AddMinutes(15), account.LockedUntil);
        var ex = Assert.Throws<DomainException>(() => account.Activate(Details(), Policy, _hasher, Now));
        Assert.Equal(Account.Errors.CodeInvalid, ex.Code);
    }

    [Fact]
    public void SignIn_WhileLockedOut_ChecksTheDummyHash_NeverTheAccountsOwn()
    {
        var hasher = new FakePasswordHasher();
        var account = TestData.ActiveAccount(hasher);
        for (var i = 0; i < TestData.Lockout.MaxFailures; i++)
        {
            account.SignIn("Mauvais-2099", null, hasher, TestData.Lockout, TestData.Now);
        }

        var verified = hasher.VerifyCount;
        var result = account.SignIn(TestData.Password, null, hasher, TestData.Lockout, TestData.Now.AddMinutes(1));

        Assert.Equal(SignInResult.Failed, result);
        Assert.Equal(verified + 1, hasher.VerifyCount);
        Assert.Equal(hasher.DummyHash, hasher.LastVerifiedHash);
    }
}
