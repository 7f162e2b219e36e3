using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Events;
using Ent77.Domain.Common;
using Ent77.Domain.Establishments;
using static Ent77.Domain.Tests.TestData;

namespace Ent77.Domain.Tests;

/// <summary>Families (a parent's children) and the leavers of a synchronisation.</summary>
public sealed class AccountFamilyTests
{
    private static readonly EstablishmentId OtherSchool = new(Guid.Parse("0199a000-0000-7000-8000-000000000002"));

    [Fact]
    public void LinkChildren_GivesTheParentExactlyThoseChildren()
    {
        var parent = Person("Claire", "Martin", Profile.Parent);
        var (zoe, hugo, lea) = (Person("Zoé", "Martin", Profile.Student), Person("Hugo", "Martin", Profile.Student), Person("Léa", "Martin", Profile.Student));

        Assert.True(parent.LinkChildren([zoe, hugo]));
        Assert.Equal([zoe.Id, hugo.Id], parent.Children.Select(c => c.ChildId));

        Assert.False(parent.LinkChildren([hugo, zoe, zoe]));
        Assert.True(parent.LinkChildren([lea]));
        Assert.Equal([lea.Id], parent.Children.Select(c => c.ChildId));
        Assert.True(parent.LinkChildren([]));
        Assert.Empty(parent.Children);
    }

    [Theory]
    [InlineData(Profile.Student)]
    [InlineData(Profile.Teacher)]
    [InlineData(Profile.Staff)]
    public void LinkChildren_IsOnlyForParents(Profile profile)
    {
        var notAParent = Person("Anne", "Roux", profile);

        var ex = Assert.Throws<DomainException>(() => notAParent.LinkChildren([Person("Zoé", "Roux", Profile.Student)]));

        Assert.Equal(Account.Errors.NotAParent, ex.Code);
        Assert.Empty(notAParent.Children);
    }

    [Fact]
    public void LinkChildren_RefusesAChildOfAnotherSchoolOrWhoIsNotAStudent()
    {
        var parent = Person("Claire", "Martin", Profile.Parent);
        var zoe = Person("Zoé", "Martin", Profile.Student);
        parent.LinkChildren([zoe]);

        var elsewhere = Account.CreatePending(Identifier.BaseFor("Hugo", "Martin"), "Hugo", "Martin", Profile.Student, OtherSchool, Now);
        Assert.Equal(Account.Errors.NotAChild, Assert.Throws<DomainException>(() => parent.LinkChildren([zoe, elsewhere])).Code);
        Assert.Equal(Account.Errors.NotAChild, Assert.Throws<DomainException>(() => parent.LinkChildren([Person("Paul", "Martin", Profile.Parent)])).Code);
        Assert.Equal([zoe.Id], parent.Children.Select(c => c.ChildId));
    }

    [Fact]
    public void LeaveSchool_BlocksWithTheReasonAndRevokesTheCode()
    {
        var account = PendingAccountWithCode();

        Assert.True(account.LeaveSchool(Now));

        Assert.Equal(AccountStatus.Blocked, account.Status);
        Assert.Equal(BlockReasons.LeftSchool, account.BlockedReason);
        Assert.Null(account.LiveCode(Now));
        Assert.Equal(BlockReasons.LeftSchool, Assert.IsType<AccountBlocked>(account.DomainEvents[^1]).Reason);
        Assert.False(account.LeaveSchool(Now));
    }

    [Fact]
    public void ReturnToSchool_UnblocksALeaverButNotAnAccountBlockedByHand()
    {
        var leaver = ActiveAccount(new FakePasswordHasher());
        leaver.LeaveSchool(Now);
        var blockedByHand = ActiveAccount(new FakePasswordHasher());
        blockedByHand.Block(Now);

        Assert.True(leaver.ReturnToSchool(Now));
        Assert.False(blockedByHand.ReturnToSchool(Now));

        Assert.Equal(AccountStatus.Active, leaver.Status);
        Assert.Null(leaver.BlockedReason);
        Assert.Equal(AccountStatus.Blocked, blockedByHand.Status);
        Assert.False(leaver.ReturnToSchool(Now));
    }

    [Fact]
    public void Matches_TellsWhetherAnUpdateWouldChangeAnything()
    {
        var account = Account.CreatePending(Identifier.BaseFor("Zoé", "Martin"),
            new PersonDetails("Zoé", "Martin", Profile.Student, "6e A", new DateOnly(2014, 3, 2), "siecle:eleve:1"), School, Now);

        Assert.True(account.Matches(new PersonDetails(" Zoé ", "Martin", Profile.Student, "6e A", new DateOnly(2014, 3, 2), "siecle:eleve:1")));
        Assert.False(account.Matches(new PersonDetails("Zoé", "Martin", Profile.Student, "5e A", new DateOnly(2014, 3, 2), "siecle:eleve:1")));
        Assert.False(account.Matches(new PersonDetails("Zoé", "Martin-Roux", Profile.Student, "6e A", new DateOnly(2014, 3, 2), "siecle:eleve:1")));
    }

    private static Account Person(string firstName, string lastName, Profile profile) =>
        Account.CreatePending(Identifier.BaseFor(firstName, lastName), firstName, lastName, profile, School, Now);
}
