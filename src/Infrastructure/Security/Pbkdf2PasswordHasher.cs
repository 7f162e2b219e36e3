using System.Buffers.Binary;
using Ent77.Domain.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using IDomainPasswordHasher = Ent77.Domain.Accounts.IPasswordHasher;

namespace Ent77.Infrastructure.Security;

/// <summary>
/// ASP.NET Core's <see cref="PasswordHasher{TUser}"/> (format v3: PBKDF2-HMAC-SHA512) at the configured
/// iteration count (210,000). A hash made with any other count verifies and asks to be re-hashed.
/// </summary>
public sealed class Pbkdf2PasswordHasher : IDomainPasswordHasher
{
    private static readonly object User = new();
    private readonly PasswordHasher<object> _hasher;
    private readonly Lazy<string> _dummyHash;

    public Pbkdf2PasswordHasher(IOptions<SecurityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Iterations = options.Value.PasswordIterations;
        _hasher = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions
        {
            CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3,
            IterationCount = Iterations,
        }));
        _dummyHash = new Lazy<string>(() => _hasher.HashPassword(User, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))));
    }

    public int Iterations { get; }

    public string DummyHash => _dummyHash.Value;

    public string Hash(string password) => _hasher.HashPassword(User, password);

    public PasswordCheck Verify(string hash, string password)
    {
        PasswordVerificationResult result;
        try
        {
            result = _hasher.VerifyHashedPassword(User, hash, password);
        }
        catch (FormatException)
        {
            // A damaged stored hash never signs anyone in.
            return PasswordCheck.Failed;
        }

        return result switch
        {
            PasswordVerificationResult.Failed => PasswordCheck.Failed,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.SuccessRehashNeeded,
            _ => IterationsOf(hash) == Iterations ? PasswordCheck.Success : PasswordCheck.SuccessRehashNeeded,
        };
    }

    /// <summary>The iteration count written in a v3 hash (big-endian at bytes 5–8), or 0 when unreadable.</summary>
    public static int IterationsOf(string hash)
    {
        try
        {
            var bytes = Convert.FromBase64String(hash);
            return bytes.Length >= 9 && bytes[0] == 0x01 ? (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4)) : 0;
        }
        catch (FormatException)
        {
            return 0;
        }
    }
}
