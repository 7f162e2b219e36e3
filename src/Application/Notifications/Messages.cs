using Ent77.Domain.Accounts;
using Ent77.Domain.Notifications;

namespace Ent77.Application.Notifications;

/// <summary>The messages about an account, built in one place.</summary>
public static class Messages
{
    public static OutgoingMessage PasswordResetLink(Account account, string token) =>
        new(NotificationChannel.Email, account.Email!.Value, NotificationTemplates.PasswordResetLink, About(account), token, account.Id.Value);

    public static OutgoingMessage PasswordResetSmsCode(Account account, string code) =>
        new(NotificationChannel.Sms, account.MobilePhone!.E164, NotificationTemplates.PasswordResetSmsCode, About(account), code, account.Id.Value);

    public static OutgoingMessage? PasswordChanged(Account account) =>
        account.Email is null ? null
            : new(NotificationChannel.Email, account.Email.Value, NotificationTemplates.PasswordChanged, About(account), AccountId: account.Id.Value);

    public static OutgoingMessage Welcome(Account account, string confirmationToken) =>
        new(NotificationChannel.Email, account.Email!.Value, NotificationTemplates.Welcome, About(account), confirmationToken, account.Id.Value);

    public static OutgoingMessage EmailConfirmation(Account account, string confirmationToken) =>
        new(NotificationChannel.Email, account.Email!.Value, NotificationTemplates.EmailConfirmation, About(account), confirmationToken, account.Id.Value);

    public static OutgoingMessage IdentifierReminder(string email, IEnumerable<Account> accounts) =>
        new(NotificationChannel.Email, email, NotificationTemplates.IdentifierReminder, new Dictionary<string, string>
        {
            ["identifiers"] = string.Join(",", accounts.Select(a => a.Identifier.Value).Order(StringComparer.Ordinal)),
        });

    private static Dictionary<string, string> About(Account account) => new()
    {
        ["firstName"] = account.FirstName,
        ["lastName"] = account.LastName,
        ["identifier"] = account.Identifier.Value,
    };
}
