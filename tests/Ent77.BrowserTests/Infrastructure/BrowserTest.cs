using Ent77.Application.Administration.Access;
using System.Net.Http.Json;
using System.Text;
using Ent77.Application.Administration.ImportRoster;
using Ent77.Application.Establishments.IssueAdministrator;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Ent77.BrowserTests.Infrastructure;

/// <summary>
/// Base of the browser tests: fresh browser contexts (own cookies and storage) on the shared service, the
/// people the tests need (issued through the application's own commands, as the command line and a school's
/// import do), and a watch on every page for Content-Security-Policy violations and script errors.
/// </summary>
public abstract class BrowserTest(PortalFixture portal) : IAsyncLifetime
{
    /// <summary>Reports CSP violations as console errors, so that none can go unnoticed (injected by the browser, outside the page's CSP).</summary>
    private const string CspWatch =
        "document.addEventListener('securitypolicyviolation', e => console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline')));";

    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _problems = [];
    private readonly List<string> _profiles = [];
    private static int _people;

    protected PortalFixture Portal { get; } = portal;

    public const string Password = "Violette-2012";

    /// <summary>A new browser context, like a fresh browser profile (optionally restored from a stored state, or on a phone).</summary>
    protected async Task<IBrowserContext> NewContextAsync(string? storageState = null, bool phone = false)
    {
        Assert.SkipWhen(Portal.SkipReason is not null, Portal.SkipReason ?? string.Empty);
        var options = new BrowserNewContextOptions
        {
            BaseURL = Portal.BaseUrl.ToString(),
            Locale = "fr-FR",
            AcceptDownloads = true,
            StorageState = storageState,
        };
        if (phone)
        {
            options.ViewportSize = new ViewportSize { Width = 390, Height = 844 };
            options.IsMobile = true;
            options.HasTouch = true;
            options.DeviceScaleFactor = 1;
        }

        var context = await Portal.Browser.NewContextAsync(options);
        context.SetDefaultTimeout(10_000);
        await context.AddInitScriptAsync(CspWatch);
        context.Page += (_, page) => Watch(page);
        _contexts.Add(context);
        return context;
    }

    /// <summary>
    /// A whole browser on a profile folder of its own (cookies kept on disk, as on a person's computer). Closing it
    /// and launching it again on the same folder is a real browser restart.
    /// </summary>
    protected async Task<IBrowserContext> LaunchBrowserOnProfileAsync(string profileDirectory)
    {
        Assert.SkipWhen(Portal.SkipReason is not null, Portal.SkipReason ?? string.Empty);
        _profiles.Add(profileDirectory);
        var context = await Portal.Playwright.Chromium.LaunchPersistentContextAsync(profileDirectory, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = PortalFixture.ChromiumPath,
            Headless = true,
            Args = PortalFixture.ChromiumArgs,
            BaseURL = Portal.BaseUrl.ToString(),
            Locale = "fr-FR",
        });
        context.SetDefaultTimeout(10_000);
        await context.AddInitScriptAsync(CspWatch);
        foreach (var open in context.Pages)
        {
            Watch(open);
        }

        context.Page += (_, page) => Watch(page);
        _contexts.Add(context);
        return context;
    }

    /// <summary>The tab a launched browser opens with (or a new one).</summary>
    protected static async Task<IPage> FirstPageAsync(IBrowserContext browser) =>
        browser.Pages.Count > 0 ? browser.Pages[0] : await browser.NewPageAsync();

    /// <summary>A page in a new context, opened at <paramref name="path"/>.</summary>
    protected async Task<IPage> OpenAsync(string path, bool phone = false)
    {
        var context = await NewContextAsync(phone: phone);
        var page = await context.NewPageAsync();
        await page.GotoAsync(path);
        return page;
    }

    private void Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)
                || message.Text.Contains("CSP violation", StringComparison.Ordinal)))
            {
                lock (_problems)
                {
                    _problems.Add($"{page.Url}: {message.Text}");
                }
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_problems)
            {
                _problems.Add($"{page.Url}: uncaught error {error}");
            }
        };
    }

    /// <summary>No page of this test broke the Content-Security-Policy or threw an uncaught script error.</summary>
    protected void AssertNoPageProblems()
    {
        lock (_problems)
        {
            Assert.True(_problems.Count == 0, "Page problems:\n" + string.Join('\n', _problems));
        }
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            try
            {
                await context.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // Already closed by the test (a browser restart).
            }
        }

        foreach (var profile in _profiles.Distinct())
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the temporary folder is cleaned by the system otherwise.
            }
        }

        GC.SuppressFinalize(this);
        AssertNoPageProblems();
    }

    /// <summary>A name part that makes each test's people (and so their identifiers and e-mails) its own.</summary>
    protected static string Unique(string lastName)
    {
        var n = Interlocked.Increment(ref _people);
        var letters = new StringBuilder();
        do
        {
            letters.Insert(0, (char)('a' + (n % 26)));
            n /= 26;
        }
        while (n > 0);
        return $"{lastName}-{letters}";
    }

    /// <summary>A pending account of the test school with a live code, imported as a school would.</summary>
    protected async Task<(string Identifier, string Code)> IssuePendingAsync(string firstName, string lastName, string profile = "Parent")
    {
        var csv = $"Nom;Prénom;Profil\r\n{lastName};{firstName};{profile}\r\n";
        await using var scope = Portal.Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new ImportRosterCommand(Actor.Operator, PortalFixture.Uai, new MemoryStream(Encoding.UTF8.GetBytes(csv)), DryRun: false));
        var issued = Assert.Single(result.Batch.Accounts);
        return (issued.Identifier, issued.ActivationCode!);
    }

    /// <summary>
    /// An administrator of the test school (or of <paramref name="uai"/>, or of the platform, who belongs to no school),
    /// issued as the command line does and activated through the API.
    /// </summary>
    protected async Task<(string Identifier, string Email)> IssueAdministratorAsync(string firstName, string lastName, bool platform = false, string? uai = null)
    {
        IssuedAdministratorDto issued;
        await using (var scope = Portal.Factory.Services.CreateAsyncScope())
        {
            issued = await scope.ServiceProvider.GetRequiredService<ISender>()
                .Send(new IssueAdministratorCommand(Actor.Operator, platform ? null : uai ?? PortalFixture.Uai, firstName, lastName, PlatformAdmin: platform));
        }

        var email = $"{issued.Identifier}@example.fr";
        await ActivateThroughApiAsync(issued.Identifier, issued.ActivationCode, email);
        return (issued.Identifier, email);
    }

    /// <summary>Activation over HTTP, the way any client of the public contract would.</summary>
    protected async Task ActivateThroughApiAsync(string identifier, string code, string email)
    {
        using var client = new HttpClient { BaseAddress = Portal.BaseUrl };
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        using var response = await client.PostAsJsonAsync("/api/activation", new
        {
            identifier,
            activationCode = code,
            password = Password,
            passwordConfirmation = Password,
            email,
            acceptTerms = true,
        });
        Assert.True(response.IsSuccessStatusCode, $"Activation of {identifier}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Signs in through the Connexion page.</summary>
    protected static async Task SignInAsync(IPage page, string identifier, string password = Password, bool rememberMe = false)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Identifiant", new() { Exact = true }).FillAsync(identifier);
        await page.Locator("#password").FillAsync(password);
        if (rememberMe)
        {
            await page.GetByLabel("Se souvenir de moi").CheckAsync();
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Connexion", Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/accueil$"));
    }

    protected string Screenshot(string name) => Path.Combine(PortalFixture.ScreenshotDirectory, name);

    private static readonly Lazy<string> Axe = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Assets", "axe.min.js")));

    /// <summary>axe-core's WCAG 2.x A and AA rules; only serious and critical findings count.</summary>
    private const string RunAxe = """
        async () => {
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
          return result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '));
        }
        """;

    /// <summary>The serious and critical findings of axe-core on the page as it is now (an empty list when all is well).</summary>
    protected static async Task<IReadOnlyList<string>> AxeViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, so the page's strict CSP (no inline script) does not apply to it.
        await page.EvaluateAsync(Axe.Value + "\n;true");
        var violations = await page.EvaluateAsync<System.Text.Json.JsonElement>(RunAxe);
        return violations.EnumerateArray().Select(v => v.GetString()!).ToList();
    }

    /// <summary>
    /// A page on a phone: a full-page screenshot (<c>screenshots/telephone-….png</c>), no sideways scroll, and no serious or
    /// critical finding of axe-core. The problems found, each prefixed with <paramref name="path"/>.
    /// </summary>
    protected async Task<IReadOnlyList<string>> PhoneAuditAsync(IPage page, string path)
    {
        var name = Regex.Replace(path.Trim('/'), "[^a-z0-9-]+", "-").Trim('-');
        await page.ScreenshotAsync(new() { Path = Screenshot($"telephone-{(name.Length == 0 ? "connexion" : name)}.png"), FullPage = true });
        var problems = new List<string>();
        if (await ScrollsSidewaysAsync(page))
        {
            problems.Add($"{path}: the page scrolls sideways at 390 px");
        }

        problems.AddRange((await AxeViolationsAsync(page)).Select(v => $"{path}: {v}"));
        return problems;
    }

    /// <summary>A help request to the test school, sent over HTTP as the help form does; its reference.</summary>
    protected async Task<string> SendHelpRequestAsync(string firstName, string lastName)
    {
        using var client = new HttpClient { BaseAddress = Portal.BaseUrl };
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        using var response = await client.PostAsJsonAsync("/api/help-requests", new
        {
            firstName,
            lastName,
            email = $"{firstName}.{lastName}@example.fr".ToLowerInvariant(),
            uai = PortalFixture.Uai,
            kind = "Activation",
            studentName = $"Léa {lastName}",
            className = "6e A",
            message = "Le courrier avec le code d’activation de ma fille a été perdu pendant le déménagement : pouvez-vous en envoyer un nouveau ?",
        });
        Assert.True(response.IsSuccessStatusCode, $"Help request: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var answer = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return answer.GetProperty("reference").GetString()!;
    }

    /// <summary>
    /// True when the page is wider than the screen (sideways scrolling). On an emulated phone Chromium widens the layout
    /// viewport to fit content that overflows (and zooms out), so the window's width proves nothing there: the page is
    /// measured against the screen's.
    /// </summary>
    public const string ScrollsSideways = "() => document.documentElement.scrollWidth > Math.min(window.innerWidth, window.screen.width)";

    protected static Task<bool> ScrollsSidewaysAsync(IPage page) => page.EvaluateAsync<bool>(ScrollsSideways);
}
