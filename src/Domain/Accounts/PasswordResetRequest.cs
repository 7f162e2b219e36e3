using Ent77.Domain.Common;

namespace Ent77.Domain.Accounts;

/// <summary>
/// One password-reset message sent to the account (held by its <see cref="Account"/>): the hash of
/// its secret (an e-mail token or an SMS code), its expiry, and what became of it.
/// </summary>
public sealed class PasswordResetRequest
{
    private PasswordResetRequest()
    {
    }

    internal PasswordResetRequest(ResetChannel channel, string secretHash, DateTimeOffset requestedAt, DateTimeOffset expiresAt)
    {
        Id = Guid.CreateVersion7();
        Channel = channel;
        SecretHash = secretHash;
        RequestedAt = requestedAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }

    public ResetChannel Channel { get; private set; }

    public string SecretHash { get; private set; } = string.Empty;

    public DateTimeOffset RequestedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public int FailedAttempts { get; private set; }

    public bool IsLive(DateTimeOffset now) => UsedAt is null && RevokedAt is null && now < ExpiresAt;

    /// <summary>Constant-time comparison of the stored hash with the hash of a typed secret.</summary>
    public bool Matches(string secretHash) => SecretHashes.Match(SecretHash, secretHash);

    internal void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    internal void Use(DateTimeOffset now) => UsedAt = now;

    /// <summary>A wrong SMS code; at <paramref name="maxAttempts"/> the code dies.</summary>
    internal void RecordFailedAttempt(int maxAttempts, DateTimeOffset now)
    {
        FailedAttempts++;
        if (FailedAttempts >= maxAttempts)
        {
            Revoke(now);
        }
    }
}
