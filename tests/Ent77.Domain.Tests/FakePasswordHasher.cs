using Ent77.Domain.Accounts;

namespace Ent77.Domain.Tests;

/// <summary>
/// A readable stand-in for PBKDF2: a hash is <see cref="Prefix"/> followed by the password. A hash made
/// with <see cref="LegacyPrefix"/> still verifies but asks for a rehash (an old iteration count).
/// Counts every call so tests can prove that each sign-in verifies exactly once.
/// </summary>
public sealed class FakePasswordHasher(string prefix = FakePasswordHasher.DefaultPrefix) : IPasswordHasher
{
    public const string DefaultPrefix = "hash:";
    public const string LegacyPrefix = "legacy:";

    public string Prefix { get; } = prefix;

    public string DummyHash => "dummy:no-password-matches-this";

    public int VerifyCount { get; private set; }

    public int HashCount { get; private set; }

    public string? LastVerifiedHash { get; private set; }

    public string Hash(string password)
    {
        HashCount++;
        return Prefix + password;
    }

    public PasswordCheck Verify(string hash, string password)
    {
        VerifyCount++;
        LastVerifiedHash = hash;
        if (hash == Prefix + password)
        {
            return PasswordCheck.Success;
        }

        return hash == LegacyPrefix + password ? PasswordCheck.SuccessRehashNeeded : PasswordCheck.Failed;
    }
}
