using System.Text.Json;
using Ent77.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Ent77.BrowserTests;

/// <summary>
/// Every page on a phone (390 px): an automated accessibility audit with axe-core (from the npm registry,
/// injected by Playwright) finds no serious or critical violation, nothing scrolls sideways, and a
/// screenshot of each page is kept with the test output (<c>screenshots/</c>).
/// </summary>
public sealed class AccessibilityTests(PortalFixture portal) : BrowserTest(portal)
{
    private static readonly Lazy<string> Axe = new(() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Assets", "axe.min.js")));

    /// <summary>axe-core's WCAG 2.x A and AA rules; only serious and critical findings fail.</summary>
    private const string RunAxe = """
        async () => {
          const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
          return result.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '));
        }
        """;

    [Fact]
    public async Task EveryPublicPage_OnAPhone_HasNoSeriousViolation_NoSidewaysScroll_AndAScreenshot()
    {
        var failures = new List<string>();
        foreach (var path in PageChecks.PublicPages)
        {
            var page = await OpenAsync(path, phone: true);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            failures.AddRange(await AuditAsync(page, path));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task TheSignedInPages_OnAPhone_HaveNoSeriousViolation_NoSidewaysScroll_AndAScreenshot()
    {
        var (admin, _) = await IssueAdministratorAsync("Inès", Unique("Garnier"));
        var page = await (await NewContextAsync(phone: true)).NewPageAsync();
        await SignInAsync(page, admin);
        var failures = new List<string>(await AuditAsync(page, "/accueil"));
        foreach (var view in new[] { "import", "comptes", "suivi", "aide" })
        {
            await page.GotoAsync($"/administration#{view}");
            await Expect(page.Locator($"#view-{view}")).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            failures.AddRange(await AuditAsync(page, $"/administration#{view}"));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private async Task<IReadOnlyList<string>> AuditAsync(IPage page, string path)
    {
        var name = path.Trim('/').Replace('/', '-').Replace('#', '-');
        await page.ScreenshotAsync(new() { Path = Screenshot($"telephone-{(name.Length == 0 ? "connexion" : name)}.png"), FullPage = true });
        var problems = new List<string>();
        if (!await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"))
        {
            problems.Add($"{path}: the page scrolls sideways at 390 px");
        }

        // Evaluated through the DevTools protocol, so the page's strict CSP (no inline script) does not apply to it.
        await page.EvaluateAsync(Axe.Value + "\n;true");
        var violations = await page.EvaluateAsync<JsonElement>(RunAxe);
        problems.AddRange(violations.EnumerateArray().Select(v => $"{path}: {v.GetString()}"));
        return problems;
    }
}
