using System.Security.Cryptography;
using System.Text;

namespace Ent77.Domain.Common;

/// <summary>How a stored hash of a secret (a code, a token) is compared with the hash of what was typed.</summary>
public static class SecretHashes
{
    /// <summary>In constant time: how long the comparison takes says nothing of how much of the hash matched.</summary>
    public static bool Match(string stored, string candidate)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(candidate);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(candidate));
    }
}
