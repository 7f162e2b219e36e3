using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace Ent77.Domain.Accounts;

/// <summary>A personal e-mail address: syntax checked, stored as typed (trimmed).</summary>
public sealed record EmailAddress
{
    public const int MaxLength = 254;

    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    public static bool TryCreate(string? input, [NotNullWhen(true)] out EmailAddress? email)
    {
        email = null;
        var trimmed = input?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength || trimmed.Any(char.IsControl)
            || trimmed.Any(char.IsWhiteSpace))
        {
            return false;
        }

        if (!MailAddress.TryCreate(trimmed, out var parsed) || parsed.Address != trimmed
            || !string.IsNullOrEmpty(parsed.DisplayName))
        {
            return false;
        }

        var host = parsed.Host;
        var dot = host.LastIndexOf('.');
        if (dot <= 0 || dot == host.Length - 1 || host.StartsWith('[') || parsed.User.Length == 0)
        {
            return false;
        }

        email = new EmailAddress(trimmed);
        return true;
    }

    public static EmailAddress FromStored(string value) => new(value);
}
