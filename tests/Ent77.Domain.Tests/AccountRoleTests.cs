using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Events;
using Ent77.Domain.Common;
using Ent77.Domain.Establishments;
using static Ent77.Domain.Tests.TestData;

namespace Ent77.Domain.Tests;

/// <summary>Granting roles and deciding which administrator can reach which account.</summary>
public sealed class AccountRoleTests
{
    private readonly FakePasswordHasher _hasher = new();

    [Fact]
    public void Grant_EstablishmentAdminWithoutEstablishment_Throws()
    {
        var account = ActiveAccount(_hasher);

        var ex = Assert.Throws<DomainException>(() => account.Grant(Role.EstablishmentAdmin, null));

        Assert.Equal("account.role_scope_required", ex.Code);
        Assert.Empty(account.Roles);
    }

    [Fact]
    public void Grant_EstablishmentAdmin_MakesAdministratorOfThatEstablishmentOnly()
    {
        var account = ActiveAccount(_hasher);
        var other = EstablishmentId.New();

        account.Grant(Role.EstablishmentAdmin, School);

        Assert.True(account.IsAdministratorOf(School));
        Assert.False(account.IsAdministratorOf(other));
        Assert.Equal([new RoleGrant(Role.EstablishmentAdmin, School)], account.Roles);
    }

    [Fact]
    public void Grant_PlatformAdmin_MakesAdministratorOfEveryEstablishment()
    {
        var account = ActiveAccount(_hasher);

        account.Grant(Role.PlatformAdmin, School);

        Assert.True(account.IsAdministratorOf(School));
        Assert.True(account.IsAdministratorOf(EstablishmentId.New()));
        Assert.Equal([new RoleGrant(Role.PlatformAdmin, null)], account.Roles);
    }

    [Fact]
    public void Grant_TheSameRoleTwice_KeepsOneGrant()
    {
        var account = ActiveAccount(_hasher);

        account.Grant(Role.EstablishmentAdmin, School);
        account.Grant(Role.EstablishmentAdmin, School);

        Assert.Single(account.Roles);
    }

    [Fact]
    public void IsAdministratorOf_WithoutRoles_IsFalse() =>
        Assert.False(ActiveAccount(_hasher).IsAdministratorOf(School));

    [Fact]
    public void AnAccountHoldingARole_IsOutOfASchoolAdministratorsReach_ButNotOfAPlatformAdministrators()
    {
        var schoolAdmin = Administrator(Role.EstablishmentAdmin);
        var platformAdmin = Account.CreatePlatformAdministrator(Identifier.BaseFor("Yves", "Carpentier"), "Yves", "Carpentier", TestData.Now);
        Activate(platformAdmin);
        var member = TestData.PendingAccount();
        var coAdmin = TestData.PendingAccount();
        coAdmin.Grant(Role.EstablishmentAdmin, TestData.School);
        var otherSchool = Account.CreatePending(Identifier.BaseFor("Léa", "Roux"), "Léa", "Roux", Profile.Student, new Establishments.EstablishmentId(Guid.NewGuid()), TestData.Now);

        Assert.True(member.IsInReachOf(schoolAdmin));
        Assert.False(coAdmin.IsInReachOf(schoolAdmin));
        Assert.False(platformAdmin.IsInReachOf(schoolAdmin));
        Assert.False(otherSchool.IsInReachOf(schoolAdmin));
        Assert.True(member.IsInReachOf(platformAdmin));
        Assert.True(coAdmin.IsInReachOf(platformAdmin));
        Assert.True(otherSchool.IsInReachOf(platformAdmin));
        Assert.Null(platformAdmin.EstablishmentId);
        Assert.Equal([new RoleGrant(Role.PlatformAdmin, null)], platformAdmin.Roles);

        schoolAdmin.Block(TestData.Now);
        Assert.False(member.IsInReachOf(schoolAdmin));
    }

    private static Account Administrator(Role role)
    {
        var account = TestData.PendingAccountWithCode();
        account.Grant(role, TestData.School);
        account.Activate(TestData.Details(), TestData.Policy, new FakePasswordHasher(), TestData.Now);
        return account;
    }

    private static void Activate(Account account)
    {
        account.IssueActivationCode(TestData.CodeHash, TestData.Now, TestData.Validity);
        account.Activate(TestData.Details(), TestData.Policy, new FakePasswordHasher(), TestData.Now);
    }
}
