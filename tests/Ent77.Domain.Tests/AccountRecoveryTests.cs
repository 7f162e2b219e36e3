using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Events;
using Ent77.Domain.Common;

namespace Ent77.Domain.Tests;

/// <summary>Password reset, password change, contact change, e-mail confirmation and roster updates of an account.</summary>
public sealed class AccountRecoveryTests
{
    private static readonly PasswordResetPolicy Reset = PasswordResetPolicy.Default;
    private readonly FakePasswordHasher _hasher = new();

    [Fact]
    public void RequestPasswordReset_KeepsOneLiveSecret_AndAtMostThreeAnHour()
    {
        var account = TestData.ActiveAccount(_hasher);

        Assert.True(account.RequestPasswordReset(ResetChannel.Email, Secret("t1"), Reset, TestData.Now));
        Assert.True(account.RequestPasswordReset(ResetChannel.Email, Secret("t2"), Reset, TestData.Now.AddMinutes(1)));
        Assert.True(account.RequestPasswordReset(ResetChannel.Email, Secret("t3"), Reset, TestData.Now.AddMinutes(2)));
        Assert.False(account.RequestPasswordReset(ResetChannel.Email, Secret("t4"), Reset, TestData.Now.AddMinutes(3)));

        Assert.Single(account.ResetRequests, r => r.IsLive(TestData.Now.AddMinutes(3)));
        Assert.True(account.RequestPasswordReset(ResetChannel.Email, Secret("t5"), Reset, TestData.Now.AddMinutes(61)));
    }

    [Fact]
    public void RequestPasswordReset_ForAPendingAccountOrWithoutMobile_DoesNothing()
    {
        Assert.False(TestData.PendingAccountWithCode().RequestPasswordReset(ResetChannel.Email, Secret("t"), Reset, TestData.Now));
        var active = TestData.PendingAccountWithCode();
        active.Activate(TestData.Details() with { MobilePhone = null }, TestData.Policy, _hasher, TestData.Now);
        Assert.False(active.RequestPasswordReset(ResetChannel.Sms, Secret("c"), Reset, TestData.Now));
        Assert.Empty(active.ResetRequests);
    }

    [Fact]
    public void ResetPassword_WithTheLiveToken_ChangesThePasswordAndStamp_AndUsesTheToken()
    {
        var account = TestData.ActiveAccount(_hasher);
        account.RequestPasswordReset(ResetChannel.Email, Secret("t1"), Reset, TestData.Now);
        var stamp = account.SecurityStamp;

        var outcome = account.ResetPassword(ResetChannel.Email, "t1", "Tournesol-2027", TestData.Policy, _hasher, Reset, TestData.Now.AddMinutes(5));

        Assert.Equal(PasswordResetOutcome.Reset, outcome);
        Assert.Equal("hash:Tournesol-2027", account.PasswordHash);
        Assert.NotEqual(stamp, account.SecurityStamp);
        Assert.Contains(account.DomainEvents, e => e is PasswordChanged { ByReset: true });
        Assert.Equal(PasswordResetOutcome.InvalidSecret,
            account.ResetPassword(ResetChannel.Email, "t1", "Autre-Mot-2028", TestData.Policy, _hasher, Reset, TestData.Now.AddMinutes(6)));
    }

    [Fact]
    public void ResetPassword_AfterExpiry_OrWithAWeakPassword_Fails()
    {
        var account = TestData.ActiveAccount(_hasher);
        account.RequestPasswordReset(ResetChannel.Email, Secret("t1"), Reset, TestData.Now);

        Assert.Throws<DomainValidationException>(() =>
            account.ResetPassword(ResetChannel.Email, "t1", "azerty", TestData.Policy, _hasher, Reset, TestData.Now.AddMinutes(1)));
        Assert.Equal(PasswordResetOutcome.InvalidSecret,
            account.ResetPassword(ResetChannel.Email, "t1", "Tournesol-2027", TestData.Policy, _hasher, Reset, TestData.Now.AddMinutes(60)));
    }

    [Fact]
    public void ResetPassword_FiveWrongSmsCodes_KillTheCode()
    {
        var account = TestData.ActiveAccount(_hasher);
        account.RequestPasswordReset(ResetChannel.Sms, Secret("123456"), Reset, TestData.Now);

        for (var i = 0; i < 5; i++)
        {
            account.ResetPassword(ResetChannel.Sms, "000000", "Tournesol-2027", TestData.Policy, _hasher, Reset, TestData.Now);
        }

        Assert.Equal(PasswordResetOutcome.InvalidSecret,
            account.ResetPassword(ResetChannel.Sms, "123456", "Tournesol-2027", TestData.Policy, _hasher, Reset, TestData.Now));
    }

    [Fact]
    public void ChangePassword_NeedsTheCurrentOne_CountsFailures_AndKillsResetTokens()
    {
        var account = TestData.ActiveAccount(_hasher);
        account.RequestPasswordReset(ResetChannel.Email, Secret("t1"), Reset, TestData.Now);

        Assert.False(account.ChangePassword("faux", "Tournesol-2027", TestData.Policy, _hasher, TestData.Lockout, TestData.Now));
        Assert.Equal(1, account.FailedSignInCount);
        Assert.True(account.ChangePassword(TestData.Password, "Tournesol-2027", TestData.Policy, _hasher, TestData.Lockout, TestData.Now));
        Assert.Equal(0, account.FailedSignInCount);
        Assert.DoesNotContain(account.ResetRequests, r => r.IsLive(TestData.Now));
    }

    [Fact]
    public void UpdateContact_WithANewEmail_ForgetsTheConfirmation()
    {
        var account = TestData.ActiveAccount(_hasher);
        account.StartEmailConfirmation("c1", TestData.Now, TimeSpan.FromDays(7));
        Assert.True(account.ConfirmEmail("c1", TestData.Now.AddDays(1)));
        Assert.NotNull(account.EmailConfirmedAt);

        Assert.True(account.UpdateContact(TestData.Password, _hasher, TestData.Lockout, account.Email!, null, TestData.Now));
        Assert.NotNull(account.EmailConfirmedAt); // same address: still confirmed
        Assert.True(account.UpdateContact(TestData.Password, _hasher, TestData.Lockout, EmailAddress.FromStored("autre@example.fr"), null, TestData.Now));

        Assert.Null(account.EmailConfirmedAt);
        Assert.Null(account.MobilePhone);
        Assert.False(account.UpdateContact("faux", _hasher, TestData.Lockout, EmailAddress.FromStored("x@example.fr"), null, TestData.Now));
        Assert.Equal("autre@example.fr", account.Email!.Value);
    }

    [Fact]
    public void ConfirmEmail_WithAWrongOrExpiredToken_Fails()
    {
        var account = TestData.ActiveAccount(_hasher);
        account.StartEmailConfirmation("c1", TestData.Now, TimeSpan.FromDays(7));

        Assert.False(account.ConfirmEmail("c2", TestData.Now));
        Assert.False(account.ConfirmEmail("c1", TestData.Now.AddDays(8)));
        Assert.Null(account.EmailConfirmedAt);
    }

    [Fact]
    public void UpdateFromRoster_ChangesTheDetails_ButNeverTheIdentifier()
    {
        var account = Account.CreatePending(Identifier.BaseFor("Jean", "Dupont"), new PersonDetails("Jean", "Dupont", Profile.Student, "6e A", null, "ELV-1"), TestData.School, TestData.Now);

        account.UpdateFromRoster(new PersonDetails("Jean-Marc", "Dupont-Roux", Profile.Student, "5e B", new DateOnly(2013, 1, 2), "ELV-1"));

        Assert.Equal("jean.dupont", account.Identifier.Value);
        Assert.Equal("Jean-Marc", account.FirstName);
        Assert.Equal("5e B", account.ClassName);
        Assert.Equal(new DateOnly(2013, 1, 2), account.BirthDate);
    }

    [Fact]
    public void Block_KillsResetSecrets()
    {
        var account = TestData.ActiveAccount(_hasher);
        account.RequestPasswordReset(ResetChannel.Email, Secret("t1"), Reset, TestData.Now);

        account.Block(TestData.Now);

        Assert.DoesNotContain(account.ResetRequests, r => r.IsLive(TestData.Now));
        Assert.Equal(PasswordResetOutcome.InvalidSecret,
            account.ResetPassword(ResetChannel.Email, "t1", "Tournesol-2027", TestData.Policy, _hasher, Reset, TestData.Now));
    }

    /// <summary>A reset secret whose stored hash is <paramref name="hash"/>.</summary>
    private static OneTimeSecret Secret(string hash) => new("clear-" + hash, hash);
}
