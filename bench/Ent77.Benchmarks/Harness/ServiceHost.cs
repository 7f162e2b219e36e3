using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Ent77.Application.Common.Ports;
using Ent77.Application.Establishments;
using Ent77.Domain.Establishments;
using Ent77.WebApi.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Ent77.Benchmarks.Harness;

/// <summary>
/// The real service (<see cref="WebApp.Build"/>) on Kestrel at 127.0.0.1 on a free port, in Production with
/// logging at Warning, its SQLite files in a fresh temporary folder (or, with <c>--database postgres</c>, a fresh
/// PostgreSQL database: <see cref="BenchDatabase"/>). Only the rate limits are raised (one client
/// IP sends everything) and the PBKDF2 iterations stay at the production 210,000. Production needs a Data Protection
/// certificate: a self-signed one is made in the data folder.
/// </summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    public const string Uai = "0771234Y";

    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDatabase;

    private ServiceHost(WebApplication app, Uri baseAddress, string dataDirectory, Dictionary<string, string?> settings, bool ownsDatabase)
    {
        App = app;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        _settings = settings;
        _ownsDatabase = ownsDatabase;
    }

    /// <summary>The settings this instance was started with (another instance of the same service starts with the shared ones).</summary>
    public IReadOnlyDictionary<string, string?> SettingsUsed => _settings;

    public WebApplication App { get; }

    public Uri BaseAddress { get; }

    public string DataDirectory { get; }

    public IServiceProvider Services => App.Services;

    public static Dictionary<string, string?> Settings(string dataDirectory) => new(StringComparer.Ordinal)
    {
        ["environment"] = "Production",
        ["contentRoot"] = Paths.WebApiContentRoot,
        ["urls"] = "http://127.0.0.1:0",
        ["Data:Directory"] = dataDirectory,
        ["Database:Provider"] = "Sqlite",
        ["App:PublicBaseUrl"] = "https://ent77.bench",
        ["Security:CodeKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["DataProtection:CertificatePath"] = KeyCertificate(dataDirectory),
        ["DataProtection:CertificatePassword"] = CertificatePassword,
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        ["RateLimits:Auth:PermitLimit"] = "1000000000",
        ["RateLimits:Recovery:PermitLimit"] = "1000000000",
        ["RateLimits:Help:PermitLimit"] = "1000000000",
    };

    private const string CertificatePassword = "bench-keys";

    /// <summary>A self-signed PFX for the Data Protection keys, written into <paramref name="dataDirectory"/>.</summary>
    private static string KeyCertificate(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "keys.pfx");
        using var rsa = RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=ENT 77 bench keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(path, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, CertificatePassword));
        return path;
    }

    public static async Task<ServiceHost> StartAsync(IDictionary<string, string?>? overrides = null, Action<WebApplication>? configure = null)
    {
        var data = Paths.NewTempDirectory("service");
        var settings = Settings(data);
        // An instance given the connection string of another shares its database (and leaves dropping it to that one).
        var ownsDatabase = overrides?.ContainsKey("ConnectionStrings:Ent77") != true;
        foreach (var (key, value) in (ownsDatabase ? BenchDatabase.NewDatabase() : []).Concat(overrides ?? new Dictionary<string, string?>()))
        {
            settings[key] = value;
        }

        var app = WebApp.Build([.. settings.Where(s => s.Value is not null).Select(s => $"--{s.Key}={s.Value}")]);
        configure?.Invoke(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var uri = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        if (!IPAddress.IsLoopback(IPAddress.Parse(uri.Host)))
        {
            throw new InvalidOperationException($"The service must listen on loopback only, not {uri}.");
        }

        return new ServiceHost(app, uri, data, settings, ownsDatabase);
    }

    /// <summary>The test school, as the command line would create it.</summary>
    public async Task EnsureEstablishmentAsync(string uai = Uai)
    {
        await using var scope = Services.CreateAsyncScope();
        var establishments = scope.ServiceProvider.GetRequiredService<IEstablishmentRepository>();
        var parsed = Domain.Establishments.Uai.Parse(uai).Uai!;
        if (await establishments.FindByUaiAsync(parsed, default) is not null)
        {
            return;
        }

        establishments.Add(Establishment.Create(parsed, "Lycée Jacques Amyot", "Melun", TimeProvider.System.GetUtcNow()));
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default);
    }

    /// <summary>An HTTP client for the load: its own connection pool, no cookies (sessions are sent by hand), loopback only.</summary>
    public HttpClient CreateClient(int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        UseCookies = false,
        AllowAutoRedirect = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        UseProxy = false,
    })
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
        DefaultRequestHeaders = { { "X-Requested-With", "ent77-bench" } },
    };

    public async ValueTask DisposeAsync()
    {
        try
        {
            await App.StopAsync(new CancellationTokenSource(TimeSpan.FromSeconds(20)).Token);
        }
        finally
        {
            await App.DisposeAsync();
            if (_ownsDatabase)
            {
                BenchDatabase.Drop(_settings);
            }

            Paths.TryDelete(DataDirectory);
        }
    }

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
