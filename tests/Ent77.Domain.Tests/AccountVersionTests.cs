using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Events;
using static Ent77.Domain.Tests.TestData;
using static Ent77.Domain.Tests.AccountSteps;

namespace Ent77.Domain.Tests;

/// <summary>The concurrency token changes on every mutation; domain events can be cleared.</summary>
public sealed class AccountVersionTests
{
    private readonly FakePasswordHasher _hasher = new();

    public static TheoryData<string> Mutations() =>
    [
        "issue-code", "sign-in-failed", "sign-in-activation-required", "record-failed-activation", "lock-out", "activate",
        "sign-in-succeeded", "block", "unblock", "grant",
    ];

    [Theory]
    [MemberData(nameof(Mutations))]
    public void Version_ChangesOnEachMutation(string mutation)
    {
        var hasher = new FakePasswordHasher();
        var account = mutation is "sign-in-succeeded" or "block" or "grant" or "unblock" ? ActiveAccount(hasher) : PendingAccountWithCode();
        if (mutation == "unblock")
        {
            account.Block(Now);
        }

        if (mutation == "lock-out")
        {
            Fail(account, 4, Now);
        }

        var before = account.Version;

        Action<Account> act = mutation switch
        {
            "issue-code" => a => a.IssueActivationCode(OtherCodeHash, Now, Validity),
            "sign-in-failed" or "lock-out" => a => a.SignIn("wrong", OtherCodeHash, hasher, Lockout, Now),
            "sign-in-activation-required" => a => a.SignIn("code", CodeHash, hasher, Lockout, Now),
            "record-failed-activation" => a => a.RecordFailedActivation(Lockout, Now),
            "activate" => a => a.Activate(Details(), Policy, hasher, Now),
            "sign-in-succeeded" => a => a.SignIn(Password, null, hasher, Lockout, Now),
            "block" => a => a.Block(Now),
            "unblock" => a => a.Unblock(Now),
            "grant" => a => a.Grant(Role.EstablishmentAdmin, School),
            _ => throw new ArgumentOutOfRangeException(nameof(mutation)),
        };
        act(account);

        Assert.NotEqual(before, account.Version);
    }

    [Fact]
    public void Version_DiffersBetweenAggregates() =>
        Assert.NotEqual(PendingAccount().Version, PendingAccount().Version);

    [Fact]
    public void ClearDomainEvents_EmptiesTheList()
    {
        var account = ActiveAccount(_hasher);
        Assert.NotEmpty(account.DomainEvents);

        account.ClearDomainEvents();

        Assert.Empty(account.DomainEvents);
    }
}
