using Ent77.Application.Common;
using Ent77.Application.Notifications.Messages;

namespace Ent77.Infrastructure.Notifications.Rendering;

/// <summary>An SMS only.</summary>
public sealed class PasswordResetSmsCodeRenderer(EmailLayout layout, RecoveryOptions recovery) : SecretMessageRenderer<PasswordResetSmsCodeMessage>
{
    protected override EmailContent Email(PasswordResetSmsCodeMessage message, string secret) =>
        throw new NotSupportedException($"{nameof(PasswordResetSmsCodeMessage)} is sent by SMS only.");

    protected override string Sms(PasswordResetSmsCodeMessage message, string secret) =>
        $"{layout.ServiceName} : votre code de réinitialisation est {secret}. Il est valable {(int)recovery.SmsCodeLifetime.TotalMinutes} minutes. Ne le communiquez à personne.";
}
