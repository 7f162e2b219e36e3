using Ent77.Application.Administration.Access;
using System.Globalization;
using Ent77.Application.Establishments.AddEstablishment;
using Ent77.BrowserTests.Infrastructure;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(PortalFixture))]

// One service and one browser for the whole assembly; the tests take turns (two cores, one Chromium).
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace Ent77.BrowserTests.Infrastructure;

/// <summary>
/// Once for the assembly: a loopback SMTP server, the service on Kestrel on a free loopback port (its public base
/// URL is its own address, so the links of e-mails and letters lead back to it), and Debian's headless Chromium.
/// Without Chromium the tests skip with the reason, unless CI=true, where its absence is a failure.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string Uai = "0771234Y";
    public const string SchoolName = "Collège Les Tilleuls";

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private PortalFactory? _factory;
    private LoopbackSmtpServer? _smtp;

    /// <summary>Debian's Chromium, or the one named by CHROMIUM_PATH (or ENT77_CHROMIUM).</summary>
    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path
        : Environment.GetEnvironmentVariable("ENT77_CHROMIUM") is { Length: > 0 } other ? other
        : "/usr/bin/chromium";

    /// <summary>ENT77_REQUIRE_BROWSER=1 (set by .ci/run), or CI=true: the browser tests must run.</summary>
    public static bool UnderCi =>
        Environment.GetEnvironmentVariable("ENT77_REQUIRE_BROWSER") == "1"
        || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the tests skip (no Chromium outside CI), or null.</summary>
    public string? SkipReason { get; private set; }

    public Uri BaseUrl { get; private set; } = null!;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "ent77-browser-tests", Guid.NewGuid().ToString("N"));

    public IBrowser Browser => Started(_browser);

    public IPlaywright Playwright => Started(_playwright);

    /// <summary>Chromium as PLATFORM-NOTES says: Debian's binary, headless, no sandbox (root in a container), no GPU.</summary>
    public static readonly string[] ChromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"];

    public PortalFactory Factory => Started(_factory);

    public LoopbackSmtpServer Smtp => Started(_smtp);

    /// <summary>The operator the legal pages name (<c>Operator:*</c>), different from the defaults, so that a test sees them come from configuration.</summary>
    public static readonly IReadOnlyDictionary<string, string> Operator = new Dictionary<string, string>
    {
        ["Name"] = "Département de Seine-et-Marne (recette)",
        ["Address"] = "1 rue de l’Essai, 77000 Melun",
        ["ContactEmail"] = "ent-recette@ent77.test",
        ["PublicationDirector"] = "La directrice de la recette",
        ["DpoEmail"] = "dpo-recette@ent77.test",
        ["HostName"] = "Hébergeur de recette",
        ["HostAddress"] = "2 avenue du Test, 77100 Meaux",
        ["AccessibilityStatus"] = "partiellement conforme",
        ["AccessibilityStatementDate"] = "2026-10-05",
    };

    /// <summary>Where screenshots go: the test output folder.</summary>
    public static string ScreenshotDirectory => Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            var reason = $"Chromium is not installed ({ChromiumPath} is missing; apt-get install -y chromium).";
            if (UnderCi)
            {
                throw new InvalidOperationException(reason + " ENT77_REQUIRE_BROWSER=1 (or CI=true): the browser tests must run, so this is a failure.");
            }

            SkipReason = reason + " The browser tests are skipped (set ENT77_REQUIRE_BROWSER=1 to require them).";
            return;
        }

        _smtp = new LoopbackSmtpServer().Start();
        var port = FreePort.Next();
        BaseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var settings = new Dictionary<string, string?>(_smtp.Settings)
        {
            ["Data:Directory"] = DataDirectory,
            ["Database:Provider"] = "Sqlite",
            ["App:PublicBaseUrl"] = BaseUrl.ToString().TrimEnd('/'),
            ["Security:PasswordIterations"] = "1000",
            ["RateLimits:Auth:PermitLimit"] = "100000",
            ["RateLimits:Recovery:PermitLimit"] = "100000",
            ["RateLimits:Help:PermitLimit"] = "100000",
            ["Jobs:PollInterval"] = "00:00:00.200",
            ["Jobs:RetryBaseDelay"] = "00:00:01",
        };
        foreach (var (key, value) in Operator)
        {
            settings[$"Operator:{key}"] = value;
        }

        _factory = new PortalFactory(settings, port);
        _factory.StartServer();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new AddEstablishmentCommand(Actor.Operator, Uai, SchoolName, "Melun"));
        }

        Directory.CreateDirectory(ScreenshotDirectory);

        // CI runs the test projects side by side on two cores: give the pages time.
        Assertions.SetDefaultExpectTimeout(10_000);
        _playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>What the tests use: when Chromium is missing outside CI, asking for it skips the test with the reason.</summary>
    private T Started<T>(T? value)
        where T : class
    {
        Assert.SkipWhen(SkipReason is not null, SkipReason ?? string.Empty);
        return value ?? throw new InvalidOperationException("The portal fixture is not started.");
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            if (Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort: the temporary folder is cleaned by the system otherwise.
        }
    }
}
