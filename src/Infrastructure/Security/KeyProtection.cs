using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;

namespace Ent77.Infrastructure.Security;

/// <summary>
/// Data Protection keys live in the database, shared by every instance. With
/// <c>DataProtection:CertificatePath</c> (a PFX, and <c>DataProtection:CertificatePassword</c>) they are
/// encrypted at rest with that certificate, which every instance must have; without it they are stored
/// as Data Protection writes them (the database must then be guarded as a secret).
/// </summary>
public static class KeyProtection
{
    public const string CertificatePathKey = "DataProtection:CertificatePath";
    public const string CertificatePasswordKey = "DataProtection:CertificatePassword";

    public static IDataProtectionBuilder ProtectKeysAtRest(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[CertificatePathKey] is not { Length: > 0 } path)
        {
            return builder;
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[CertificatePasswordKey]);
        return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }
}
