namespace Ent77.Application.Notifications.Messages;

/// <summary>The 6-digit code that sets a new password, by SMS (the code is the secret).</summary>
public sealed record PasswordResetSmsCodeMessage : OutgoingSecretMessage;
