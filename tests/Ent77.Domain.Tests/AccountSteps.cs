using Ent77.Domain.Accounts;
using static Ent77.Domain.Tests.TestData;

namespace Ent77.Domain.Tests;

/// <summary>Steps the account tests share: failing to sign in a number of times, locking an account out.</summary>
internal static class AccountSteps
{
    public static void Fail(Account account, int times, DateTimeOffset at)
    {
        var hasher = new FakePasswordHasher();
        for (var i = 0; i < times; i++)
        {
            Assert.Equal(SignInResult.Failed, account.SignIn("wrong-1234", "wrong-hash", hasher, Lockout, at));
        }
    }

    public static void LockOut(Account account, DateTimeOffset at)
    {
        var hasher = new FakePasswordHasher();
        for (var i = 0; i < Lockout.MaxFailures; i++)
        {
            account.SignIn("wrong-1234", "wrong-hash", hasher, Lockout, at);
        }

        Assert.True(account.IsLockedOut(at));
    }
}
