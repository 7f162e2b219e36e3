using System.Security.Cryptography;
using System.Text;

namespace Ent77.Domain.Accounts;

public enum ResetChannel
{
    Email,
    Sms,
}

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

    public bool Matches(string secretHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(SecretHash), Encoding.ASCII.GetBytes(secretHash));

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

/// <summary>DESIGN §3 "Password reset": the numbers of the recovery rule.</summary>
public sealed record PasswordResetPolicy(
    TimeSpan EmailTokenLifetime,
    TimeSpan SmsCodeLifetime,
    int SmsCodeMaxAttempts,
    int MaxMessagesPerHour)
{
    public static PasswordResetPolicy Default { get; } = new(TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(10), 5, 3);

    public TimeSpan LifetimeOf(ResetChannel channel) => channel == ResetChannel.Email ? EmailTokenLifetime : SmsCodeLifetime;
}

public enum PasswordResetOutcome
{
    /// <summary>The password was changed; every session and every other reset secret is dead.</summary>
    Reset,

    /// <summary>Unknown, expired, used or revoked secret (or a wrong SMS code, which is counted).</summary>
    InvalidSecret,
}
