namespace Ent77.BrowserTests;

/// <summary>
/// What stopped or confused a parent on a first visit (issue 15, points 1 to 6): the word after « Activer », a
/// refused sign-in that helps without telling which part was wrong, a letter whose code is dead, e-mail typos,
/// what the mobile is for, the terms read before they are accepted, a checklist that does not scold an empty field.
/// </summary>
public sealed class FirstVisitTests(PortalFixture portal) : BrowserTest(portal)
{
    private const string Activated =
        "Votre compte est activé. Désormais, connectez-vous avec votre identifiant et votre mot de passe personnel : le code d’activation ne sert plus.";

    private const string AlreadyActive = "Compte déjà activé ? Utilisez votre mot de passe personnel, pas le code.";

    private const string Lockout = "Après 5 essais, le compte est bloqué 15 minutes.";

    [Fact]
    public async Task After_Activer_Accueil_says_once_that_the_code_no_longer_serves()
    {
        var (identifier, code) = await IssuePendingAsync("Nadia", Unique("Benali"));
        var page = await OpenAsync("/", phone: true);
        await page.Locator("#identifier").FillAsync(identifier);
        await page.Locator("#password").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Connexion", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/activation$"));
        await FillActivationAsync(page, $"{identifier}@example.fr");
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/accueil$"));
        var notice = page.Locator("#notice");
        await Expect(notice).ToHaveTextAsync(Activated);
        await Expect(notice).ToHaveClassAsync(new Regex(@"\bsuccess\b"));
        await Expect(notice).ToBeFocusedAsync();

        // Once: the next visit of Accueil says nothing of it.
        await page.ReloadAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bonjour Nadia");
        await Expect(notice).ToBeEmptyAsync();

        // A person who merely signs in is not told their account was just activated.
        var other = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(other, identifier);
        await Expect(other.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bonjour Nadia");
        await Expect(other.Locator("#notice")).ToBeEmptyAsync();
    }

    [Fact]
    public async Task A_refused_sign_in_gives_everyone_the_same_answer_and_the_same_hints()
    {
        var (identifier, code) = await IssuePendingAsync("Hélène", Unique("Dupont"));
        await ActivateThroughApiAsync(identifier, code, $"{identifier}@example.fr");
        var page = await OpenAsync("/", phone: true);

        // The code of an account already active: refused, with the hints and links under the one message.
        var summary = page.Locator(".error-summary");
        await SignInFailsAsync(page, identifier, code);
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToContainTextAsync(AlreadyActive);
        await Expect(summary).ToContainTextAsync(Lockout);
        foreach (var (name, href) in new[] { ("Mot de passe oublié ?", "/mot-de-passe-oublie"), ("Identifiant oublié ?", "/identifiant-oublie"), ("Demander de l’aide à l’établissement", "/aide") })
        {
            await Expect(summary.GetByRole(AriaRole.Link, new() { Name = name, Exact = true })).ToHaveAttributeAsync("href", href);
        }

        var forKnown = await summary.InnerTextAsync();
        Assert.False(await ScrollsSidewaysAsync(page));
        Assert.Empty(await AxeViolationsAsync(page));

        // An identifier nobody has, a wrong password: word for word the same answer (nothing tells them apart).
        await SignInFailsAsync(page, $"personne.{Unique("inconnue")}", "Pas-le-bon-1");
        Assert.Equal(forKnown, await summary.InnerTextAsync());
        await SignInFailsAsync(page, identifier, "Pas-le-bon-1");
        Assert.Equal(forKnown, await summary.InnerTextAsync());
    }

    [Fact]
    public async Task An_identifier_typed_without_its_dot_gets_a_hint_before_it_is_sent()
    {
        var page = await OpenAsync("/", phone: true);
        var field = page.GetByLabel("Identifiant", new() { Exact = true });
        const string Hint = "L’identifiant s’écrit prénom.nom, avec un point (par exemple : helene.dupont).";

        await field.FillAsync("helene");
        await Expect(page.Locator("#identifier-dot")).ToBeEmptyAsync();
        await field.PressSequentiallyAsync(" dupont");
        await Expect(page.Locator("#identifier-dot")).ToHaveTextAsync(Hint);
        await Expect(field).ToHaveAccessibleDescriptionAsync(new Regex("avec un point"));

        // Left without a dot (Tab), the hint stays; with the dot it goes.
        await field.FillAsync("helenedupont");
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#identifier-dot")).ToHaveTextAsync(Hint);
        await field.FillAsync("helene.dupont");
        await Expect(page.Locator("#identifier-dot")).ToBeEmptyAsync();
    }

    [Fact]
    public async Task The_QR_code_of_a_letter_whose_code_is_dead_says_so_before_the_form_is_filled()
    {
        var (identifier, code) = await IssuePendingAsync("Awa", Unique("Traore"));
        await ActivateThroughApiAsync(identifier, code, $"{identifier}@example.fr");

        var page = await OpenAsync($"/activation#identifier={Uri.EscapeDataString(identifier)}&code={Uri.EscapeDataString(code)}", phone: true);

        var notice = page.Locator("#notice");
        await Expect(notice).ToContainTextAsync("Ce code d’activation ne fonctionne pas.");
        await Expect(notice).ToContainTextAsync(AlreadyActive);
        await Expect(notice).ToContainTextAsync(Lockout);
        await Expect(notice.GetByRole(AriaRole.Link, new() { Name = "Mot de passe oublié ?" })).ToBeVisibleAsync();
        await Expect(notice).ToBeFocusedAsync();
        await Expect(notice).ToHaveClassAsync(new Regex(@"\berror\b"));

        // Before the form, and before anything was typed; identifier and code are shown to be checked.
        Assert.True(await page.EvaluateAsync<bool>(
            "() => !!(document.getElementById('notice').compareDocumentPosition(document.getElementById('activation-form')) & Node.DOCUMENT_POSITION_FOLLOWING)"));
        await Expect(page.Locator("#password")).ToHaveValueAsync(string.Empty);
        await Expect(page.Locator("#credentials")).ToBeVisibleAsync();
        await Expect(page.Locator("#identifier")).ToHaveValueAsync(identifier);
        Assert.Empty(await AxeViolationsAsync(page));

        // A live code from a letter: no such message.
        var (fresh, freshCode) = await IssuePendingAsync("Awa", Unique("Traore"));
        var live = await OpenAsync($"/activation#identifier={Uri.EscapeDataString(fresh)}&code={Uri.EscapeDataString(freshCode)}");
        await Expect(live.Locator("#recap")).ToContainTextAsync(fresh);
        await live.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(live.Locator("#notice")).ToBeEmptyAsync();
    }

    [Theory]
    [InlineData("helene.dupont@gmial.com", "helene.dupont@gmail.com")]
    [InlineData("helene.dupont@gmail.con", "helene.dupont@gmail.com")]
    [InlineData("helene.dupont@orange.fe", "helene.dupont@orange.fr")]
    [InlineData("h.dupont@hotmial.fr", "h.dupont@hotmail.fr")]
    [InlineData("h.dupont@laposte.nte", "h.dupont@laposte.net")]
    [InlineData("h.dupont@wanadoo.ff", "h.dupont@wanadoo.fr")]
    [InlineData("h.dupont@iclod.com", "h.dupont@icloud.com")]
    public async Task An_email_typo_gets_a_suggestion_taken_in_one_click(string typed, string meant)
    {
        var page = await OpenAsync("/activation", phone: true);
        var email = page.GetByLabel("Adresse e-mail personnelle");
        await email.FillAsync(typed);
        await page.Keyboard.PressAsync("Tab");

        var suggestion = page.Locator("#email-suggestion");
        await Expect(suggestion).ToHaveTextAsync($"Vouliez-vous dire {meant} ?");
        await Expect(email).ToHaveAccessibleDescriptionAsync(new Regex(Regex.Escape(meant)));
        await suggestion.GetByRole(AriaRole.Button, new() { Name = meant, Exact = true }).ClickAsync();
        await Expect(email).ToHaveValueAsync(meant);
        await Expect(email).ToBeFocusedAsync();
        await Expect(suggestion).ToBeEmptyAsync();
    }

    [Theory]
    [InlineData("helene.dupont@gmail.com")]
    [InlineData("helene.dupont@free.fr")]
    [InlineData("helene.dupont@yahoo.com")]
    [InlineData("helene.dupont@ac-creteil.fr")]
    [InlineData("helene.dupont@outlook.com")]
    public async Task A_right_or_unknown_address_gets_no_suggestion(string typed)
    {
        var page = await OpenAsync("/activation");
        await page.GetByLabel("Adresse e-mail personnelle").FillAsync(typed);
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.Locator("#email-suggestion")).ToBeEmptyAsync();
    }

    [Fact]
    public async Task A_suggestion_never_blocks_the_address_as_typed()
    {
        var (identifier, code) = await IssuePendingAsync("Yasmine", Unique("Kaci"));
        var page = await OpenAsync($"/activation#identifier={Uri.EscapeDataString(identifier)}&code={Uri.EscapeDataString(code)}");
        await Expect(page.Locator("#recap")).ToContainTextAsync(identifier);
        var typed = $"{identifier}@gmial.com";
        await FillActivationAsync(page, typed);
        await Expect(page.Locator("#email-suggestion")).ToContainTextAsync("Vouliez-vous dire");
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/accueil$"));
        await Expect(page.Locator("#email")).ToHaveTextAsync(typed);
    }

    [Fact]
    public async Task The_mobile_field_says_what_it_is_for_and_the_terms_are_read_before_they_are_accepted()
    {
        var page = await OpenAsync("/activation", phone: true);

        // The mobile: for a reset code by SMS, once that service opens (it is off in these tests).
        await Expect(page.GetByLabel("Téléphone mobile (facultatif)")).ToHaveAccessibleDescriptionAsync(new Regex(
            "^Il servira à recevoir par SMS un code pour changer votre mot de passe perdu, quand ce service ouvrira\\. Par exemple"));

        // The link to read the terms comes before the box to tick, and the terms are in the page, version included.
        Assert.True(await page.EvaluateAsync<bool>("""
            () => !!(document.querySelector('#terms summary').compareDocumentPosition(document.getElementById('acceptTerms')) & Node.DOCUMENT_POSITION_FOLLOWING)
            """));
        var read = await page.GetByText("Lire les conditions générales d’utilisation").BoundingBoxAsync();
        var box = await page.GetByLabel("J’accepte les conditions générales d’utilisation").BoundingBoxAsync();
        Assert.True(read!.Y < box!.Y, "The terms' link sits above the box to tick.");
        await page.GetByText("Lire les conditions générales d’utilisation").ClickAsync();
        await Expect(page.Locator("#terms-content h3").First).ToHaveTextAsync("1. Objet");
        await Expect(page.Locator("#terms-version")).ToHaveTextAsync("(version 2026-09)");

        // An empty password keeps « Au plus 128 caractères »; the rules it does break are marked.
        await Expect(page.Locator("#password-rules li")).ToHaveCountAsync(7);
        await Expect(page.Locator("[data-rule='password.too_long']")).ToHaveClassAsync("rule-ok");
        await Expect(page.Locator("[data-rule='password.too_short']")).ToHaveClassAsync("rule-ko");
        await page.Locator("#password").FillAsync(new string('a', 129) + "1");
        await Expect(page.Locator("[data-rule='password.too_long']")).ToHaveClassAsync("rule-ko");
        await page.Locator("#password").FillAsync(string.Empty);
        await Expect(page.Locator("[data-rule='password.too_long']")).ToHaveClassAsync("rule-ok");
    }

    private static async Task FillActivationAsync(IPage page, string email)
    {
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirmation du mot de passe").FillAsync(Password);
        await page.GetByLabel("Adresse e-mail personnelle").FillAsync(email);
        await page.GetByLabel("Adresse e-mail personnelle").BlurAsync();
        await page.GetByLabel("J’accepte les conditions générales d’utilisation").CheckAsync();
    }

    private static async Task SignInFailsAsync(IPage page, string identifier, string password)
    {
        await page.Locator("#identifier").FillAsync(identifier);
        await page.Locator("#password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Connexion", Exact = true }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("Après");
    }
}
