using Ent77.Domain.Accounts;

namespace Ent77.Application.Common;

/// <summary>Recovery settings (docs/DOMAIN.md "Password reset"), bound by the host.</summary>
public sealed class RecoveryOptions
{
    /// <summary><c>Sms:Enabled</c>: the SMS channel is offered only when true.</summary>
    public bool SmsEnabled { get; set; }

    public TimeSpan EmailTokenLifetime { get; set; } = PasswordResetPolicy.Default.EmailTokenLifetime;

    public TimeSpan SmsCodeLifetime { get; set; } = PasswordResetPolicy.Default.SmsCodeLifetime;

    public int SmsCodeMaxAttempts { get; set; } = PasswordResetPolicy.Default.SmsCodeMaxAttempts;

    public int MaxMessagesPerHour { get; set; } = PasswordResetPolicy.Default.MaxMessagesPerHour;

    /// <summary>How long the link that confirms an e-mail address stays valid.</summary>
    public TimeSpan EmailConfirmationLifetime { get; set; } = TimeSpan.FromDays(7);

    public PasswordResetPolicy Policy => new(EmailTokenLifetime, SmsCodeLifetime, SmsCodeMaxAttempts, MaxMessagesPerHour);

    public IReadOnlyList<string> Channels => SmsEnabled ? ["email", "sms"] : ["email"];
}
