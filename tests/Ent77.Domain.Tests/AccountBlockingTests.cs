using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Events;
using Ent77.Domain.Common;
using static Ent77.Domain.Tests.TestData;

namespace Ent77.Domain.Tests;

/// <summary>Blocking and unblocking an account.</summary>
public sealed class AccountBlockingTests
{
    private readonly FakePasswordHasher _hasher = new();

    [Fact]
    public void Block_ChangesTheStatusAndTheSecurityStamp()
    {
        var account = ActiveAccount(_hasher);
        var stamp = account.SecurityStamp;

        account.Block(Now.AddDays(1));

        Assert.Equal(AccountStatus.Blocked, account.Status);
        Assert.NotEqual(stamp, account.SecurityStamp);
        Assert.IsType<AccountBlocked>(account.DomainEvents[^1]);
    }

    [Fact]
    public void Block_Twice_Throws()
    {
        var account = ActiveAccount(_hasher);
        account.Block(Now);
        var stamp = account.SecurityStamp;

        var ex = Assert.Throws<InvalidTransitionException>(() => account.Block(Now));

        Assert.Equal(Account.Errors.AlreadyBlocked, ex.Code);
        Assert.Equal(stamp, account.SecurityStamp);
    }

    [Fact]
    public void Unblock_AnActivatedAccount_ReturnsToActive()
    {
        var account = ActiveAccount(_hasher);
        account.Block(Now);

        account.Unblock(Now.AddDays(1));

        Assert.Equal(AccountStatus.Active, account.Status);
        Assert.IsType<AccountUnblocked>(account.DomainEvents[^1]);
        Assert.Equal(SignInResult.SignedIn, account.SignIn(Password, null, _hasher, Lockout, Now.AddDays(1)));
    }

    [Fact]
    public void Unblock_AnAccountNeverActivated_ReturnsToPending_WithoutItsRevokedCode()
    {
        var account = PendingAccountWithCode();
        account.Block(Now);

        account.Unblock(Now);

        Assert.Equal(AccountStatus.Pending, account.Status);
        Assert.False(account.CanActivateWith(CodeHash, Now));
        account.IssueActivationCode(OtherCodeHash, Now, Validity);
        Assert.True(account.CanActivateWith(OtherCodeHash, Now));
    }

    [Fact]
    public void Unblock_WhenNotBlocked_Throws()
    {
        var ex = Assert.Throws<InvalidTransitionException>(() => ActiveAccount(_hasher).Unblock(Now));

        Assert.Equal(Account.Errors.NotBlocked, ex.Code);
    }

    [Fact]
    public void Unblock_APendingAccountThatIsNotBlocked_Throws()
    {
        var ex = Assert.Throws<InvalidTransitionException>(() => PendingAccount().Unblock(Now));

        Assert.Equal(Account.Errors.NotBlocked, ex.Code);
    }

    [Fact]
    public void Block_OfAPendingAccount_RevokesItsLiveCode_AndUnblockingDoesNotBringItBack()
    {
        var account = TestData.PendingAccountWithCode();

        account.Block(TestData.Now.AddMinutes(1));
        account.Unblock(TestData.Now.AddMinutes(2));

        Assert.Equal(AccountStatus.Pending, account.Status);
        Assert.Null(account.LiveCode(TestData.Now.AddMinutes(3)));
        Assert.Equal(TestData.Now.AddMinutes(1), Assert.Single(account.ActivationCodes).RevokedAt);
    }
}
