using Microsoft.AspNetCore.DataProtection;

namespace Ent77.Infrastructure.Notifications;

/// <summary>Encrypts the secrets that wait in the outbox (keys shared through the database).</summary>
public sealed class OutboxSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Ent77.Notifications.Secret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
