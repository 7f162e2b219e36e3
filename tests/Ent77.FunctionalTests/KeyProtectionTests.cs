using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Ent77.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

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
        await factory.Secrets.AssertNothingLeakedAsync(factory);
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
        await factory.Secrets.AssertNothingLeakedAsync(factory);
    }

    [Fact]
    public void Production_WithoutTheCertificate_RefusesToStart_NamingTheKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build("Production", certificate: null, publicUrl: "https://ent77.example.fr"));

        Assert.Contains("DataProtection:CertificatePath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Production_WithACertificatePathThatIsNotThere_RefusesToStart()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Build("Production", certificate: _pfx, publicUrl: "https://ent77.example.fr"));

        Assert.Contains("DataProtection:CertificatePath", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://ent77.example.fr")]
    [InlineData("ent77.example.fr")]
    public async Task Production_WithAPublicAddressThatIsNotHttps_RefusesToStart(string publicUrl)
    {
        await WriteCertificateAsync();

        var error = Assert.Throws<InvalidOperationException>(() => Build("Production", _pfx, publicUrl));

        Assert.Contains("App:PublicBaseUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("https", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_WithEverything_Starts_AndDevelopmentNeedsNoCertificate()
    {
        await WriteCertificateAsync();

        await using (var production = Build("Production", _pfx, "https://ent77.example.fr"))
        {
            Assert.True(production.Environment.IsProduction());
        }

        await using var development = Build("Development", certificate: null, publicUrl: "http://localhost:5077");
        Assert.True(development.Environment.IsDevelopment());
    }

    /// <summary>The service as its executable builds it, with the settings a deployment gives it.</summary>
    private static Microsoft.AspNetCore.Builder.WebApplication Build(string environment, string? certificate, string publicUrl)
    {
        var data = Path.Combine(Path.GetTempPath(), "ent77-tests", Guid.NewGuid().ToString("N"));
        var args = new List<string>
        {
            $"--environment={environment}",
            $"--Data:Directory={data}",
            $"--Security:CodeKey={Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}",
            $"--App:PublicBaseUrl={publicUrl}",
            "--Demo:Seed=false",
        };
        if (certificate is not null)
        {
            args.Add($"--DataProtection:CertificatePath={certificate}");
            args.Add("--DataProtection:CertificatePassword=secret-pfx");
        }

        return Ent77.WebApi.Hosting.WebApp.Build([.. args]);
    }

    private async Task WriteCertificateAsync()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ENT 77 keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        await File.WriteAllBytesAsync(_pfx, certificate.Export(X509ContentType.Pfx, "secret-pfx"));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        File.Delete(_pfx);
        return ValueTask.CompletedTask;
    }
}
