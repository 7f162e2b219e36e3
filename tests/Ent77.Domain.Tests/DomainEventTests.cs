using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Events;
using Ent77.Domain.Common;
using Ent77.Domain.Support.Events;
using static Ent77.Domain.Tests.TestData;

namespace Ent77.Domain.Tests;

/// <summary>What the events carry: the values their handlers need (the school for the audit, a secret to send), never an entity.</summary>
public sealed class DomainEventTests
{
    [Fact]
    public void ActivationCodeIssued_TellsAFirstCodeFromAReplacement()
    {
        var account = PendingAccount();

        account.IssueActivationCode("h1", Now, TimeSpan.FromDays(90));
        account.IssueActivationCode("h2", Now.AddMinutes(1), TimeSpan.FromDays(90));

        Assert.Equal(
            [(false, (Establishments.EstablishmentId?)School), (true, School)],
            account.DomainEvents.OfType<ActivationCodeIssued>().Select(e => (e.ReplacesEarlierCode, e.EstablishmentId)));
    }

    [Fact]
    public void PasswordResetRequested_CarriesTheSecretToSend_WhoseHashTheAccountKeeps_AndNeverShowsIt()
    {
        var account = ActiveAccount(new FakePasswordHasher());
        account.ClearDomainEvents();
        var secret = new OneTimeSecret("clear-token", "hashed-token");

        Assert.True(account.RequestPasswordReset(ResetChannel.Email, secret, PasswordResetPolicy.Default, Now));

        var requested = Assert.IsType<PasswordResetRequested>(Assert.Single(account.DomainEvents));
        Assert.Same(secret, requested.Secret);
        Assert.Equal("hashed-token", Assert.Single(account.ResetRequests).SecretHash);
        Assert.DoesNotContain("clear-token", requested.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ContactDetailsChanged_NamesThePreviousAddress()
    {
        var hasher = new FakePasswordHasher();
        var account = ActiveAccount(hasher);
        var before = account.Email;
        account.ClearDomainEvents();
        Assert.True(EmailAddress.TryCreate("nouvelle@example.fr", out var email));

        Assert.True(account.UpdateContact(TestData.Password, hasher, LockoutPolicy.Default, email, null, Now));

        var changed = Assert.IsType<ContactDetailsChanged>(Assert.Single(account.DomainEvents));
        Assert.Equal((before, true, School), (changed.PreviousEmail, changed.EmailChanged, changed.EstablishmentId));
    }

    [Fact]
    public void AWrongCurrentPassword_AtTheLimit_RaisesTheLockout_WithTheSchool()
    {
        var hasher = new FakePasswordHasher();
        var account = ActiveAccount(hasher);
        account.ClearDomainEvents();

        for (var i = 0; i < LockoutPolicy.Default.MaxFailures; i++)
        {
            Assert.False(account.ChangePassword("faux", "Nouveau-Mot2026", Accounts.Passwords.PasswordPolicy.Default, hasher, LockoutPolicy.Default, Now));
        }

        var locked = Assert.IsType<AccountLockedOut>(Assert.Single(account.DomainEvents));
        Assert.Equal((School, Now + LockoutPolicy.Default.Duration), (locked.EstablishmentId, locked.Until));
    }

    [Fact]
    public void TakingAHelpRequestInHand_IsAnEvent_WithItsReference()
    {
        var request = Support.HelpRequest.Submit(School, Support.HelpRequestKind.Other, new Support.Requester("Sophie", "Martin", null, "0612345678"), null, null, "Aide", Now);
        request.ClearDomainEvents();

        request.Start(Guid.NewGuid(), Now);

        var started = Assert.IsType<HelpRequestStarted>(Assert.Single(request.DomainEvents));
        Assert.Equal((request.Id, School, request.Reference), (started.HelpRequestId, started.EstablishmentId, started.Reference));
    }
}
