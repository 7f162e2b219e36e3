namespace Ent77.BrowserTests;

/// <summary>
/// « Mon espace » lists the open sessions (device, opened, last activity, which one is this browser) and ends them:
/// the school computer left signed in is ended from home, then « Se déconnecter partout » ends every session.
/// </summary>
public sealed class OpenSessionsTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task A_session_left_open_on_a_school_computer_is_ended_from_home_then_everywhere()
    {
        var (identifier, code) = await IssuePendingAsync("Nadia", Unique("Benali"));
        await ActivateThroughApiAsync(identifier, code, $"{identifier}@example.fr");

        var school = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(school, identifier, rememberMe: true);
        var schoolSession = school.Locator("#sessions li.session", new() { Has = school.GetByText("cet appareil") });
        await Expect(schoolSession).ToHaveCountAsync(1);
        var schoolId = await schoolSession.GetAttributeAsync("data-session");

        var home = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(home, identifier);
        var sessions = home.Locator("#sessions li.session");

        // Three sessions: the activation's (an HTTP client), the school computer's and this one.
        await Expect(sessions).ToHaveCountAsync(3);
        await Expect(home.Locator("#sessions .badge")).ToHaveCountAsync(1);
        await Expect(sessions.Filter(new() { Has = home.GetByText("cet appareil") })).ToContainTextAsync("Chrome sur Linux");
        await Expect(sessions.Filter(new() { HasText = "Appareil inconnu" })).ToHaveCountAsync(1);
        var schoolRow = home.Locator($"#sessions li[data-session='{schoolId}']");
        await Expect(schoolRow).ToContainTextAsync("mémorisée (« Se souvenir de moi »)");
        await Expect(schoolRow).ToContainTextAsync("dernière activité le");
        await Expect(sessions.Filter(new() { Has = home.GetByText("cet appareil") }).GetByRole(AriaRole.Button)).ToHaveCountAsync(0);

        await schoolRow.GetByRole(AriaRole.Button, new() { Name = "Terminer cette session" }).ClickAsync();

        await Expect(home.Locator("#notice")).ToContainTextAsync("est terminée");
        await Expect(home.Locator("#notice")).ToBeFocusedAsync();
        await Expect(sessions).ToHaveCountAsync(2);
        await Expect(schoolRow).ToHaveCountAsync(0);
        await school.ReloadAsync();
        await Expect(school).ToHaveURLAsync(new Regex("/$"));

        await home.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter partout" }).ClickAsync();

        await Expect(home).ToHaveURLAsync(new Regex("/$"));
        await home.GotoAsync("/accueil");
        await Expect(home).ToHaveURLAsync(new Regex("/$"));
        await home.ScreenshotAsync(new() { Path = Screenshot("sessions-after-sign-out-everywhere.png") });
        AssertNoPageProblems();
    }

    [Fact]
    public async Task A_platform_administrator_belongs_to_no_school_and_still_reaches_every_school_from_Administration()
    {
        var (identifier, _) = await IssueAdministratorAsync("Yves", Unique("Carpentier"), platform: true);
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, identifier, rememberMe: true);

        await Expect(page.Locator("#establishment")).ToHaveTextAsync("aucun (administration de la plateforme)");
        var remembered = page.Locator("#sessions li.session", new() { Has = page.GetByText("cet appareil") });
        await Expect(remembered).ToContainTextAsync("se termine après 30 minutes sans activité"); // no « Se souvenir de moi » for an administrator

        await page.GotoAsync("/administration");
        await Expect(page.Locator("#establishment option", new() { HasText = PortalFixture.Uai })).ToHaveCountAsync(1);
        await Expect(page.Locator("#admin")).ToBeVisibleAsync();
        AssertNoPageProblems();
    }
}
