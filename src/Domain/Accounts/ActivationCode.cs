using Ent77.Domain.Common;

namespace Ent77.Domain.Accounts;

/// <summary>
/// One issued activation code, held by its <see cref="Account"/>: only its keyed hash is kept.
/// Live while neither revoked nor consumed and not yet expired.
/// </summary>
public sealed class ActivationCode
{
    private ActivationCode()
    {
    }

    internal ActivationCode(string codeHash, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        Id = SecureRandomPool.NewGuidVersion7();
        CodeHash = codeHash;
        IssuedAt = issuedAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }

    public string CodeHash { get; private set; } = string.Empty;

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public DateTimeOffset? ConsumedAt { get; private set; }

    public bool IsLive(DateTimeOffset now) => RevokedAt is null && ConsumedAt is null && now < ExpiresAt;

    /// <summary>Constant-time comparison of the stored hash with the hash of a typed code.</summary>
    public bool Matches(string codeHash) => SecretHashes.Match(CodeHash, codeHash);

    internal void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    internal void Consume(DateTimeOffset now) => ConsumedAt = now;
}
