namespace Ent77.Application.Common.Ports;

/// <summary>
/// Admits password hashing work (docs/PERFORMANCE.md "Sign-in capacity"): at most as many pieces of work that hash at
/// once as the machine has cores, the others waiting their turn in arrival order, asynchronously (no thread is held
/// while waiting). A PBKDF2 hash is pure CPU: letting more run at once only shares the cores among them and makes every
/// one of them slower.
/// </summary>
public interface IPasswordHashingGate
{
    /// <summary>Runs <paramref name="work"/> once a place is free, and frees it when the work ends.</summary>
    ValueTask<T> RunAsync<T>(Func<ValueTask<T>> work, CancellationToken cancellationToken);
}
