using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Events;
using Ent77.Domain.Establishments;
using static Ent77.Domain.Tests.TestData;

namespace Ent77.Domain.Tests;

/// <summary>Creating a pending account: its state, its id and stamp, the names its password may not contain.</summary>
public sealed class AccountCreationTests
{
    [Fact]
    public void CreatePending_StartsPendingWithoutPasswordOrCode()
    {
        var account = Account.CreatePending(Identifier.BaseFor("Hélène", "Dupont"), "  Hélène ", " Dupont ", Profile.Parent, School, Now);

        Assert.Equal(AccountStatus.Pending, account.Status);
        Assert.Equal("helene.dupont", account.Identifier.Value);
        Assert.Equal("Hélène", account.FirstName);
        Assert.Equal("Dupont", account.LastName);
        Assert.Equal(Profile.Parent, account.Profile);
        Assert.Equal(School, account.EstablishmentId);
        Assert.Equal(Now, account.CreatedAt);
        Assert.Null(account.PasswordHash);
        Assert.Null(account.ActivatedAt);
        Assert.Null(account.LiveCode(Now));
        Assert.Empty(account.ActivationCodes);
        Assert.Equal(0, account.FailedSignInCount);
        Assert.False(account.IsLockedOut(Now));
        Assert.False(string.IsNullOrEmpty(account.SecurityStamp));
        Assert.Empty(account.DomainEvents); // its creation is audited by the use case that creates it (an import, an administrator issue)
    }

    [Fact]
    public void CreatePending_GivesEachAccountItsOwnIdAndStamp()
    {
        var first = PendingAccount();
        var second = PendingAccount();

        Assert.NotEqual(first.Id, second.Id);
        Assert.NotEqual(first.SecurityStamp, second.SecurityStamp);
    }

    [Fact]
    public void PasswordOwner_IsTheIdentifierAndTheNames()
    {
        var owner = PendingAccount().PasswordOwner;

        Assert.Equal(new("helene.dupont", "Hélène", "Dupont"), owner);
    }
}
