using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ent77.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ent77.FunctionalTests;

/// <summary>Data Protection keys in the database: in the clear by default, encrypted at rest when a certificate is configured.</summary>
public sealed class KeyProtectionTests : IAsyncLifetime
{
    private readonly string _pfx = Path.Combine(Path.GetTempPath(), $"ent77-keys-{Guid.NewGuid():N}.pfx");

    private static async Task<string> StoredKeyAsync(Ent77Factory factory)
    {
        var client = factory.CreateApiClient();
        await factory.CreateActiveAccountAsync(client); // a session cookie needs a key
        return await factory.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).FirstAsync());
    }

    [Fact]
    public async Task WithoutACertificate_TheKeyIsStoredAsWritten()
    {
        await using var factory = new Ent77Factory();
        var xml = await StoredKeyAsync(factory);

        Assert.Contains("<masterKey", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithACertificate_TheKeyIsEncryptedAtRest_AndSessionsStillWork()
    {
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=ENT 77 keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            await File.WriteAllBytesAsync(_pfx, certificate.Export(X509ContentType.Pfx, "secret-pfx"));
        }

        await using var factory = new Ent77Factory(new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = _pfx,
            ["DataProtection:CertificatePassword"] = "secret-pfx",
        });
        var xml = await StoredKeyAsync(factory);

        Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        var client = factory.CreateApiClient();
        (await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn("helene.dupont", "Violette-2012"))).EnsureSuccessStatusCode();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/account")).StatusCode);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        File.Delete(_pfx);
        return ValueTask.CompletedTask;
    }
}
