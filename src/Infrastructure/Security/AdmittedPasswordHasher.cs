using Ent77.Domain.Accounts;
using IDomainPasswordHasher = Ent77.Domain.Accounts.IPasswordHasher;

namespace Ent77.Infrastructure.Security;

/// <summary>
/// The password hasher as the service uses it: <see cref="Pbkdf2PasswordHasher"/> behind the
/// <see cref="PasswordHashingGate"/>. Inside admitted work (every command whose handler hashes, through
/// <c>PasswordHashingBehaviour</c>) it hashes at once; any other caller first takes a place of its own, so that no more
/// hashes than the gate's capacity ever run at once.
/// </summary>
public sealed class AdmittedPasswordHasher(Pbkdf2PasswordHasher inner, PasswordHashingGate gate) : IDomainPasswordHasher
{
    public string DummyHash => inner.DummyHash;

    public string Hash(string password) => gate.Run(() => inner.Hash(password));

    public PasswordCheck Verify(string hash, string password) => gate.Run(() => inner.Verify(hash, password));
}
