using Ent77.Domain.Accounts;
using Ent77.Domain.Accounts.Passwords;
using Ent77.Domain.Establishments;

namespace Ent77.Domain.Tests;

/// <summary>Shared values for the account tests: a fixed clock, a school and a ready-made person.</summary>
internal static class TestData
{
    public const string CodeHash = "code-hash-1";
    public const string OtherCodeHash = "code-hash-2";
    public const string Password = "Violette-2012";
    public const string TermsVersion = "2026-09";

    public static readonly DateTimeOffset Now = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    public static readonly TimeSpan Validity = TimeSpan.FromDays(90);
    public static readonly EstablishmentId School = new(Guid.Parse("0199a000-0000-7000-8000-000000000001"));
    public static readonly LockoutPolicy Lockout = LockoutPolicy.Default;
    public static readonly PasswordPolicy Policy = PasswordPolicy.Default;

    public static EmailAddress Email => EmailAddress.FromStored("helene.dupont@example.fr");

    public static Account PendingAccount(DateTimeOffset? now = null) =>
        Account.CreatePending(Identifier.BaseFor("Hélène", "Dupont"), "Hélène", "Dupont", Profile.Parent, School, now ?? Now);

    /// <summary>A pending account holding one live code (<see cref="CodeHash"/>) issued at <see cref="Now"/>.</summary>
    public static Account PendingAccountWithCode()
    {
        var account = PendingAccount();
        account.IssueActivationCode(CodeHash, Now, Validity);
        return account;
    }

    public static ActivationDetails Details(string codeHash = CodeHash, string password = Password, string terms = TermsVersion) =>
        new(codeHash, password, Email, MobilePhone.FromStored("+33612345678"), terms);

    /// <summary>An account activated at <see cref="Now"/> with <see cref="Password"/> through <paramref name="hasher"/>.</summary>
    public static Account ActiveAccount(IPasswordHasher? hasher = null)
    {
        var account = PendingAccountWithCode();
        account.Activate(Details(), Policy, hasher ?? new FakePasswordHasher(), Now);
        return account;
    }
}
