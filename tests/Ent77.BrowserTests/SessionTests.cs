namespace Ent77.BrowserTests;

/// <summary>« Se souvenir de moi » and the show/hide button of password fields.</summary>
public sealed class SessionTests(PortalFixture portal) : BrowserTest(portal)
{
    private const string CookieName = "__Host-ent77";

    [Fact]
    public async Task The_show_hide_button_reveals_and_hides_the_password_with_mouse_and_keyboard()
    {
        var page = await OpenAsync("/");
        var password = page.Locator("#password");
        await Expect(password).ToHaveAttributeAsync("type", "password");
        await password.FillAsync("Secret-2026");

        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher le mot de passe" }).ClickAsync();
        await Expect(password).ToHaveAttributeAsync("type", "text");
        await Expect(password).ToHaveValueAsync("Secret-2026");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Masquer le mot de passe" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Last).ToHaveTextAsync("Le mot de passe est affiché.");

        // Keyboard: the button is in the tab order right after the field, and Space toggles it.
        await password.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Masquer le mot de passe" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Space");
        await Expect(password).ToHaveAttributeAsync("type", "password");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Afficher le mot de passe" })).ToBeFocusedAsync();

        // On Activation each of the two fields has its own button.
        await page.GotoAsync("/activation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Afficher la confirmation" }).ClickAsync();
        await Expect(page.Locator("#passwordConfirmation")).ToHaveAttributeAsync("type", "text");
        await Expect(page.Locator("#password")).ToHaveAttributeAsync("type", "password");
    }

    [Fact]
    public async Task Remember_me_is_unchecked_by_default_with_a_warning_about_shared_computers()
    {
        var page = await OpenAsync("/");
        var remember = page.GetByLabel("Se souvenir de moi");
        await Expect(remember).Not.ToBeCheckedAsync();
        await Expect(remember).ToHaveAccessibleDescriptionAsync(new Regex("ordinateur partagé"));
    }

    [Fact]
    public async Task Remember_me_gives_a_cookie_that_survives_a_browser_restart()
    {
        var (identifier, code) = await IssuePendingAsync("Sophie", Unique("Durand"));
        await ActivateThroughApiAsync(identifier, code, $"{identifier}@example.fr");
        var profile = NewProfileDirectory();

        var browser = await LaunchBrowserOnProfileAsync(profile);
        await SignInAsync(await FirstPageAsync(browser), identifier, rememberMe: true);
        var cookie = Assert.Single(await browser.CookiesAsync(), c => c.Name == CookieName);
        Assert.True(cookie.Secure && cookie.HttpOnly && cookie.Path == "/" && cookie.SameSite == SameSiteAttribute.Lax);
        Assert.True(DateTimeOffset.FromUnixTimeSeconds((long)cookie.Expires) > DateTimeOffset.UtcNow.AddDays(29), "A persistent cookie of 30 days.");
        var stored = await browser.StorageStateAsync();
        await browser.CloseAsync();

        // The browser is started again on the same profile: still signed in.
        var restarted = await LaunchBrowserOnProfileAsync(profile);
        var page = await FirstPageAsync(restarted);
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/accueil$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bonjour Sophie");
        await restarted.CloseAsync();

        // And a new context made from the stored state (another machine's copy of the profile) too.
        var copy = await (await NewContextAsync(storageState: stored)).NewPageAsync();
        await copy.GotoAsync("/accueil");
        await Expect(copy.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bonjour Sophie");
    }

    [Fact]
    public async Task Without_remember_me_the_cookie_ends_with_the_browser()
    {
        var (identifier, code) = await IssuePendingAsync("Karim", Unique("Haddad"));
        await ActivateThroughApiAsync(identifier, code, $"{identifier}@example.fr");
        var profile = NewProfileDirectory();

        var browser = await LaunchBrowserOnProfileAsync(profile);
        await SignInAsync(await FirstPageAsync(browser), identifier);

        // A browser-session cookie: no expiry. (Playwright's stored state keeps such a cookie with "expires": -1 and
        // would restore it into a new context; a real browser drops it when it closes, which is what is proved below.)
        var cookie = Assert.Single(await browser.CookiesAsync(), c => c.Name == CookieName);
        Assert.Equal(-1, cookie.Expires);
        await browser.CloseAsync();

        var restarted = await LaunchBrowserOnProfileAsync(profile);
        Assert.DoesNotContain(await restarted.CookiesAsync(), c => c.Name == CookieName);
        var page = await FirstPageAsync(restarted);
        await page.GotoAsync("/accueil");
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Connexion");
    }

    private static string NewProfileDirectory() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "ent77-browser-profiles", Guid.NewGuid().ToString("N"))).FullName;
}
