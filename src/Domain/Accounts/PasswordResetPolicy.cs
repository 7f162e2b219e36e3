namespace Ent77.Domain.Accounts;

/// <summary>docs/DOMAIN.md "Password reset": the numbers of the recovery rule.</summary>
public sealed record PasswordResetPolicy(
    TimeSpan EmailTokenLifetime,
    TimeSpan SmsCodeLifetime,
    int SmsCodeMaxAttempts,
    int MaxMessagesPerHour)
{
    public static PasswordResetPolicy Default { get; } = new(TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(10), 5, 3);

    public TimeSpan LifetimeOf(ResetChannel channel) => channel == ResetChannel.Email ? EmailTokenLifetime : SmsCodeLifetime;
}
