namespace Ent77.Domain.Accounts;

/// <summary>
/// Hashes personal passwords (PBKDF2 in Infrastructure). Every sign-in verifies exactly once, against
/// <see cref="DummyHash"/> when there is no real hash, so that unknown, pending and locked accounts
/// cost the same work as a wrong password.
/// </summary>
public interface IPasswordHasher
{
    string DummyHash { get; }

    string Hash(string password);

    PasswordCheck Verify(string hash, string password);
}
