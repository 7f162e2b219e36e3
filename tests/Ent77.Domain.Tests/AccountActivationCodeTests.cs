using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Events;
using Ent77.Domain.Common;
using static Ent77.Domain.Tests.TestData;

namespace Ent77.Domain.Tests;

/// <summary>Issuing, revoking and expiring activation codes.</summary>
public sealed class AccountActivationCodeTests
{
    [Fact]
    public void IssueActivationCode_OnAPendingAccount_MakesALiveCode()
    {
        var account = PendingAccount();

        account.IssueActivationCode(CodeHash, Now, Validity);

        var live = account.LiveCode(Now);
        Assert.NotNull(live);
        Assert.Equal(CodeHash, live.CodeHash);
        Assert.Equal(Now + Validity, live.ExpiresAt);
        Assert.True(account.CanActivateWith(CodeHash, Now));
        var issued = Assert.IsType<ActivationCodeIssued>(account.DomainEvents[^1]);
        Assert.Equal(Now + Validity, issued.ExpiresAt);
    }

    [Fact]
    public void IssueActivationCode_RevokesThePreviousLiveCode()
    {
        var account = PendingAccountWithCode();
        var later = Now.AddDays(1);

        account.IssueActivationCode(OtherCodeHash, later, Validity);

        Assert.Equal(2, account.ActivationCodes.Count);
        var old = account.ActivationCodes.Single(c => c.CodeHash == CodeHash);
        Assert.Equal(later, old.RevokedAt);
        Assert.False(old.IsLive(later));
        Assert.Equal(OtherCodeHash, account.LiveCode(later)!.CodeHash);
        Assert.Single(account.ActivationCodes, c => c.IsLive(later));
        Assert.False(account.CanActivateWith(CodeHash, later));
        Assert.True(account.CanActivateWith(OtherCodeHash, later));
    }

    [Fact]
    public void IssueActivationCode_ManyTimes_LeavesOnlyOneLiveCode()
    {
        var account = PendingAccount();
        for (var i = 0; i < 5; i++)
        {
            account.IssueActivationCode($"hash-{i}", Now.AddMinutes(i), Validity);
        }

        var at = Now.AddMinutes(5);
        Assert.Single(account.ActivationCodes, c => c.IsLive(at));
        Assert.Equal("hash-4", account.LiveCode(at)!.CodeHash);
    }

    [Fact]
    public void LiveCode_AtOrAfterExpiry_IsNull()
    {
        var account = PendingAccountWithCode();
        var expiry = Now + Validity;

        Assert.NotNull(account.LiveCode(expiry - TimeSpan.FromSeconds(1)));
        Assert.Null(account.LiveCode(expiry));
        Assert.Null(account.LiveCode(expiry.AddDays(1)));
        Assert.False(account.CanActivateWith(CodeHash, expiry));
    }

    [Fact]
    public void IssueActivationCode_AfterTheOldOneExpired_GivesANewLiveCode()
    {
        var account = PendingAccountWithCode();
        var later = Now + Validity + TimeSpan.FromDays(1);

        account.IssueActivationCode(OtherCodeHash, later, Validity);

        Assert.Equal(OtherCodeHash, account.LiveCode(later)!.CodeHash);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void IssueActivationCode_WithoutPositiveValidity_Throws(int days) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PendingAccount().IssueActivationCode(CodeHash, Now, TimeSpan.FromDays(days)));

    [Fact]
    public void IssueActivationCode_OnAnActiveAccount_Throws()
    {
        var account = ActiveAccount();

        var ex = Assert.Throws<InvalidTransitionException>(() => account.IssueActivationCode(OtherCodeHash, Now, Validity));

        Assert.Equal(Account.Errors.NotPending, ex.Code);
        Assert.Null(account.LiveCode(Now));
    }

    [Fact]
    public void CanActivateWith_WrongCode_IsFalse() =>
        Assert.False(PendingAccountWithCode().CanActivateWith(OtherCodeHash, Now));
}
