namespace Ent77.BrowserTests;

/// <summary>
/// Every page: served on its clean address under the strict Content-Security-Policy, without a violation, and
/// with the basics that French public services check (RGAA): language, title, one h1, a label for every field,
/// ARIA references that point at something, no inline style or script, a sensible keyboard order.
/// </summary>
public sealed class PageChecks(PortalFixture portal) : BrowserTest(portal)
{
    public static readonly string[] PublicPages =
        ["/", "/activation", "/mot-de-passe-oublie", "/reinitialisation", "/identifiant-oublie", "/confirmation-email", "/aide", "/cgu",
         "/accessibilite", "/donnees-personnelles", "/mentions-legales"];

    /// <summary>Problems found by a script in the page (an empty list when all is well).</summary>
    private const string Audit = """
        () => {
          const problems = [];
          if (document.documentElement.lang !== 'fr') problems.push('lang is not fr');
          if (!document.title.trim()) problems.push('no title');
          if (document.querySelectorAll('h1').length !== 1) problems.push('not exactly one h1');
          if (!document.querySelector('a.skip-link[href="#contenu"]') || !document.getElementById('contenu')) problems.push('no skip link');
          for (const c of document.querySelectorAll('input, select, textarea')) {
            if (c.type === 'hidden' || c.closest('[aria-hidden="true"]')) continue;
            if (!(c.labels && c.labels.length) && !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby')) problems.push('no label: #' + c.id);
          }
          for (const e of document.querySelectorAll('[style]')) problems.push('style attribute on ' + e.tagName);
          for (const e of document.querySelectorAll('script:not([src])')) problems.push('inline script');
          for (const e of document.querySelectorAll('*')) {
            for (const name of e.getAttributeNames()) if (name.startsWith('on')) problems.push('inline handler ' + name + ' on ' + e.tagName);
            for (const attr of ['aria-describedby', 'aria-labelledby', 'aria-controls', 'for']) {
              for (const id of (e.getAttribute(attr) || '').split(/\s+/).filter(Boolean)) {
                if (!document.getElementById(id)) problems.push(attr + ' points at missing #' + id);
              }
            }
          }
          const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
          for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) problems.push('duplicate id ' + id);
          for (const b of document.querySelectorAll('button')) if (!b.textContent.trim() && !b.getAttribute('aria-label')) problems.push('button without name');
          return problems;
        }
        """;

    [Fact]
    public async Task Every_public_page_is_served_under_the_strict_CSP_without_violation_and_passes_the_basic_checks()
    {
        // The pages side by side, one tab each: the waits for the network to settle overlap.
        var context = await NewContextAsync();
        await Task.WhenAll(PublicPages.Select(async path =>
        {
            var page = await context.NewPageAsync();
            var response = await page.GotoAsync(path);
            Assert.NotNull(response);
            Assert.Equal(200, response.Status);
            Assert.StartsWith("text/html", await response.HeaderValueAsync("content-type"), StringComparison.Ordinal);
            await AssertStrictPolicyAsync(response);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await AssertAuditCleanAsync(page, path);
        }));

        foreach (var file in new[] { "/css/app.css", "/js/api.js", "/js/forms.js", "/favicon.svg" })
        {
            var response = await context.APIRequest.GetAsync(file);
            Assert.Equal(200, response.Status);
            Assert.Contains("script-src 'self'", response.Headers["content-security-policy"], StringComparison.Ordinal);
        }

        AssertNoPageProblems();
    }

    [Fact]
    public async Task The_signed_in_pages_and_every_administration_view_pass_the_same_checks()
    {
        var (admin, _) = await IssueAdministratorAsync("Hugo", Unique("Lemaire"));
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, admin);
        await AssertAuditCleanAsync(page, "/accueil");

        var response = await page.GotoAsync("/administration");
        await AssertStrictPolicyAsync(response!);
        // Each view, once its data is shown.
        foreach (var (view, loaded) in new[] { ("import", "#import-title"), ("comptes", "#accounts-count"), ("suivi", "#stats-overall"), ("aide", "#help-count") })
        {
            await page.GotoAsync($"/administration#{view}");
            await Expect(page.Locator($"#view-{view}")).ToBeVisibleAsync();
            await Expect(page.Locator(loaded)).Not.ToBeEmptyAsync();
            await AssertAuditCleanAsync(page, $"/administration#{view}");
        }

        AssertNoPageProblems();
    }

    [Fact]
    public async Task Connexion_is_used_with_the_keyboard_in_reading_order()
    {
        var page = await OpenAsync("/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var expected = new[] { "skip-link", "brand", "identifier", "password", "toggle-password", "rememberMe", "submit", "/mot-de-passe-oublie" };
        var seen = new List<string>();
        foreach (var _ in expected)
        {
            await page.Keyboard.PressAsync("Tab");
            seen.Add(await page.EvaluateAsync<string>(
                "() => { const e = document.activeElement; return e.id || (e.type === 'submit' ? 'submit' : '') || e.classList[0] || e.getAttribute('href') || e.tagName; }"));
        }

        Assert.Equal(expected, seen);

        // The skip link is visible when it has the focus, and takes it to the main content.
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("a.skip-link")).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#contenu")).ToBeFocusedAsync();

        // Typing and Enter submit the form.
        await page.Locator("#identifier").FillAsync("personne.inconnue");
        await page.Locator("#password").FillAsync("Pas-le-bon-1");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Phone_screenshots_of_Connexion_and_Activation()
    {
        var (identifier, code) = await IssuePendingAsync("Jean-Pierre", Unique("Lefevre"));
        var page = await OpenAsync("/", phone: true);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new() { Path = Screenshot("connexion-telephone.png"), FullPage = true });

        await page.Locator("#identifier").FillAsync(identifier);
        await page.Locator("#password").FillAsync(code);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/activation$"));
        await Expect(page.Locator("#password-rules li")).ToHaveCountAsync(7);
        await page.Locator("#password").FillAsync("soleil");
        await page.ScreenshotAsync(new() { Path = Screenshot("activation-telephone.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Activer", Exact = true }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot("activation-erreurs-telephone.png"), FullPage = true });

        // No horizontal scrolling on a phone.
        Assert.False(await ScrollsSidewaysAsync(page), "The page scrolls sideways on a phone.");
        Assert.True(File.Exists(Screenshot("connexion-telephone.png")) && File.Exists(Screenshot("activation-telephone.png")));
    }

    private static async Task AssertStrictPolicyAsync(IResponse response)
    {
        var policy = await response.HeaderValueAsync("content-security-policy");
        Assert.NotNull(policy);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", policy, StringComparison.Ordinal);
    }

    private static async Task AssertAuditCleanAsync(IPage page, string path)
    {
        var problems = await page.EvaluateAsync<string[]>(Audit);
        Assert.True(problems.Length == 0, $"{path}: {string.Join("; ", problems)}");
    }
}
