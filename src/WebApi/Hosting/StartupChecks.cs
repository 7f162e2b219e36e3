namespace Ent77.WebApi.Hosting;

/// <summary>
/// Refuses to start a production service that lacks a key it cannot do without, naming it: the code key, the public
/// address (which must be https: it is printed on letters and in e-mails), and the certificate that encrypts the Data
/// Protection keys at rest. Development and tests keep their generated key file and unencrypted keys.
/// </summary>
public static class StartupChecks
{
    public static void EnsureProductionSettings(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (!environment.IsProduction())
        {
            return;
        }

        string[] required = ["Security:CodeKey", "App:PublicBaseUrl", Infrastructure.Security.KeyProtection.CertificatePathKey];
        var missing = required.Where(key => string.IsNullOrWhiteSpace(configuration[key])).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Configuration incomplète pour la production : {string.Join(", ", missing)} manquant(s). "
                + "Définissez-les (variables d’environnement avec __, par exemple Security__CodeKey ou DataProtection__CertificatePath).");
        }

        if (!Uri.TryCreate(configuration["App:PublicBaseUrl"], UriKind.Absolute, out var publicUrl) || publicUrl.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException(
                "App:PublicBaseUrl doit être une adresse https (par exemple https://ent77.seine-et-marne.fr) : "
                + "elle figure dans les courriels et sur les courriers, et les liens de réinitialisation y passent.");
        }

        var certificate = configuration[Infrastructure.Security.KeyProtection.CertificatePathKey]!;
        if (!File.Exists(certificate))
        {
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath désigne un fichier absent ({certificate}) : le certificat qui chiffre les clés Data Protection est obligatoire en production.");
        }
    }
}
