using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Events;
using static Ent77.Domain.Tests.TestData;
using static Ent77.Domain.Tests.AccountSteps;

namespace Ent77.Domain.Tests;

/// <summary>Signing in: pending accounts with their code, active accounts with their password, blocked accounts, rehashing.</summary>
public sealed class AccountSignInTests
{
    private readonly FakePasswordHasher _hasher = new();

    [Fact]
    public void SignIn_PendingAccountWithLiveCode_RequiresActivation()
    {
        var account = PendingAccountWithCode();

        var result = account.SignIn("7K3M-9QAB-CDEF", CodeHash, _hasher, Lockout, Now);

        Assert.Equal(SignInResult.ActivationRequired, result);
        Assert.Equal(AccountStatus.Pending, account.Status);
        Assert.NotNull(account.LiveCode(Now));
    }

    [Fact]
    public void SignIn_PendingAccountWithWrongCode_Fails()
    {
        var account = PendingAccountWithCode();

        var result = account.SignIn("AAAA-BBBB-CCCC", OtherCodeHash, _hasher, Lockout, Now);

        Assert.Equal(SignInResult.Failed, result);
        Assert.Equal(1, account.FailedSignInCount);
    }

    [Fact]
    public void SignIn_PendingAccountWithSomethingThatIsNotACode_Fails()
    {
        var account = PendingAccountWithCode();

        Assert.Equal(SignInResult.Failed, account.SignIn("not a code", null, _hasher, Lockout, Now));
        Assert.Equal(1, account.FailedSignInCount);
    }

    [Fact]
    public void SignIn_WhenCodeExpired_Fails()
    {
        var account = PendingAccountWithCode();

        var result = account.SignIn("code", CodeHash, _hasher, Lockout, Now + Validity);

        Assert.Equal(SignInResult.Failed, result);
    }

    [Fact]
    public void SignIn_WithARevokedCode_Fails()
    {
        var account = PendingAccountWithCode();
        account.IssueActivationCode(OtherCodeHash, Now, Validity);

        Assert.Equal(SignInResult.Failed, account.SignIn("code", CodeHash, _hasher, Lockout, Now));
        Assert.Equal(SignInResult.ActivationRequired, account.SignIn("code", OtherCodeHash, _hasher, Lockout, Now));
    }

    [Fact]
    public void SignIn_ActiveAccountWithRightPassword_SignsIn()
    {
        var account = ActiveAccount(_hasher);
        var hashBefore = account.PasswordHash;

        Assert.Equal(SignInResult.SignedIn, account.SignIn(Password, null, _hasher, Lockout, Now.AddHours(1)));
        Assert.Equal(hashBefore, account.PasswordHash);
    }

    [Fact]
    public void SignIn_ActiveAccountWithWrongPassword_Fails()
    {
        var account = ActiveAccount(_hasher);

        Assert.Equal(SignInResult.Failed, account.SignIn("Violette-2013", null, _hasher, Lockout, Now.AddHours(1)));
        Assert.Equal(1, account.FailedSignInCount);
    }

    [Fact]
    public void SignIn_ActiveAccountWithItsConsumedCode_Fails()
    {
        var account = ActiveAccount(_hasher);

        Assert.Equal(SignInResult.Failed, account.SignIn("code", CodeHash, _hasher, Lockout, Now.AddHours(1)));
    }

    [Fact]
    public void SignIn_WhenRehashIsNeeded_ReplacesThePasswordHash()
    {
        var account = ActiveAccount(new FakePasswordHasher(FakePasswordHasher.LegacyPrefix));
        Assert.Equal(FakePasswordHasher.LegacyPrefix + Password, account.PasswordHash);
        var stamp = account.SecurityStamp;

        var result = account.SignIn(Password, null, _hasher, Lockout, Now.AddHours(1));

        Assert.Equal(SignInResult.SignedIn, result);
        Assert.Equal(FakePasswordHasher.DefaultPrefix + Password, account.PasswordHash);
        Assert.Equal(1, _hasher.HashCount);
        Assert.Equal(stamp, account.SecurityStamp);
    }

    [Fact]
    public void SignIn_WhenNoRehashIsNeeded_DoesNotHashAgain()
    {
        var account = ActiveAccount(_hasher);
        var hashesBefore = _hasher.HashCount;

        account.SignIn(Password, null, _hasher, Lockout, Now.AddHours(1));

        Assert.Equal(hashesBefore, _hasher.HashCount);
    }

    [Fact]
    public void SignIn_BlockedAccountWithRightPassword_Fails()
    {
        var account = ActiveAccount(_hasher);
        account.Block(Now);

        Assert.Equal(SignInResult.Failed, account.SignIn(Password, null, _hasher, Lockout, Now.AddHours(1)));
    }

    [Fact]
    public void SignIn_BlockedPendingAccountWithLiveCode_Fails()
    {
        var account = PendingAccountWithCode();
        account.Block(Now);

        Assert.Equal(SignInResult.Failed, account.SignIn("code", CodeHash, _hasher, Lockout, Now));
    }

    public static TheoryData<string> EveryKindOfAttempt() =>
    [
        "active-right", "active-wrong", "active-locked", "pending-code", "pending-wrong", "pending-locked", "blocked", "blocked-pending",
    ];

    [Theory]
    [MemberData(nameof(EveryKindOfAttempt))]
    public void SignIn_AlwaysVerifiesExactlyOnePasswordHash(string attempt)
    {
        var hasher = new FakePasswordHasher();
        var later = Now.AddHours(1);
        var account = attempt.StartsWith("active", StringComparison.Ordinal) || attempt == "blocked"
            ? ActiveAccount(hasher)
            : PendingAccountWithCode();
        if (attempt.EndsWith("locked", StringComparison.Ordinal))
        {
            LockOut(account, later);
        }

        if (attempt.StartsWith("blocked", StringComparison.Ordinal))
        {
            account.Block(later);
        }

        var (secret, codeHash) = attempt switch
        {
            "active-right" or "active-locked" or "blocked" => (Password, (string?)null),
            "pending-code" or "pending-locked" or "blocked-pending" => ("code", CodeHash),
            _ => ("wrong-1234", OtherCodeHash),
        };
        var before = hasher.VerifyCount;
        var locked = account.IsLockedOut(later);

        account.SignIn(secret, codeHash, hasher, Lockout, later);

        // The account's own hash, unless there is none or the account is locked out: then the dummy one.
        Assert.Equal(before + 1, hasher.VerifyCount);
        Assert.Equal(locked ? hasher.DummyHash : account.PasswordHash ?? hasher.DummyHash, hasher.LastVerifiedHash);
    }
}
