namespace Ent77.BrowserTests;

/// <summary>The first visit of a parent: the code typed on Connexion, Activation with its errors by the fields, then Accueil.</summary>
public sealed class ActivationJourneyTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task Code_on_Connexion_leads_to_Activation_where_errors_sit_by_their_fields_then_success_opens_Accueil()
    {
        var lastName = Unique("Dupont");
        var (identifier, code) = await IssuePendingAsync("Hélène", lastName);
        var page = await OpenAsync("/");

        // Connexion: the code goes in the password field.
        await page.GetByLabel("Identifiant", new() { Exact = true }).FillAsync(identifier);
        await page.GetByLabel("Mot de passe ou code d’activation").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Connexion", Exact = true }).ClickAsync();

        // Activation: identifier and code carried over, never in the address.
        await Expect(page).ToHaveURLAsync(new Regex("/activation$"));
        Assert.DoesNotContain(code, page.Url, StringComparison.OrdinalIgnoreCase);
        await Expect(page.Locator("#recap")).ToContainTextAsync(identifier);
        await Expect(page.Locator("#credentials")).ToBeHiddenAsync();

        // The checklist comes from the server and follows the typing.
        var rules = page.Locator("#password-rules li");
        await Expect(rules).ToHaveCountAsync(7);
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync("azerty");
        await Expect(page.Locator("[data-rule='password.no_letter']")).ToHaveClassAsync("rule-ok");
        await Expect(page.Locator("[data-rule='password.no_digit']")).ToHaveClassAsync("rule-ko");
        await Expect(page.Locator("[data-rule='password.too_short']")).ToHaveClassAsync("rule-ko");
        await Expect(page.Locator("[data-rule='password.common']")).ToContainTextAsync("vérifié à l’envoi");

        // A bad activation: every error at once, each by its field, listed in the focused summary.
        await page.GetByLabel("Confirmation du mot de passe").FillAsync("azerty1");
        await page.GetByLabel("Adresse e-mail personnelle").FillAsync("pas-une-adresse");
        await page.GetByLabel("Téléphone mobile (facultatif)").FillAsync("01 64 00 00 00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer", Exact = true }).ClickAsync();

        var summary = page.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(page).ToHaveTitleAsync(new Regex("^Erreur : "));
        foreach (var field in new[] { "password", "passwordConfirmation", "email", "mobilePhone", "acceptTerms" })
        {
            var control = page.Locator($"#{field}");
            await Expect(control).ToHaveAttributeAsync("aria-invalid", "true");
            await Expect(control).ToHaveAttributeAsync("aria-describedby", new Regex($"(^| ){field}-error( |$)"));
            await Expect(page.Locator($"#{field}-error")).ToBeVisibleAsync();
            await Expect(summary.Locator($"a[href='#{field}']").First).ToBeVisibleAsync();
        }

        await Expect(page.Locator("#password-error")).ToContainTextAsync("au moins un chiffre");
        await Expect(page.Locator("#email-error")).ToContainTextAsync("adresse e-mail");

        // A link of the summary takes the focus to its field.
        await summary.Locator("a[href='#email']").ClickAsync();
        await Expect(page.Locator("#email")).ToBeFocusedAsync();

        // The good one.
        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Password);
        await Expect(page.Locator("[data-rule='password.no_digit']")).ToHaveClassAsync("rule-ok");
        await page.GetByLabel("Confirmation du mot de passe").FillAsync(Password);
        await page.GetByLabel("Adresse e-mail personnelle").FillAsync($"{identifier}@example.fr");
        await page.GetByLabel("Téléphone mobile (facultatif)").FillAsync("06 12 34 56 78");
        await page.GetByLabel("J’accepte les conditions générales d’utilisation").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer", Exact = true }).ClickAsync();

        // Accueil: greeting, school, contact details with the e-mail still to confirm.
        await Expect(page).ToHaveURLAsync(new Regex("/accueil$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bonjour Hélène");
        await Expect(page.Locator("#identifier")).ToHaveTextAsync(identifier);
        await Expect(page.Locator("#profile")).ToHaveTextAsync("Responsable légal");
        await Expect(page.Locator("#establishment")).ToContainTextAsync(PortalFixture.SchoolName);
        await Expect(page.Locator("#email")).ToHaveTextAsync($"{identifier}@example.fr");
        await Expect(page.Locator("#email-state")).ToHaveTextAsync("à confirmer");
        await Expect(page.Locator("#mobile")).ToHaveTextAsync("06 12 34 56 78");
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('ent77.activation')"));
        await page.ScreenshotAsync(new() { Path = Screenshot("accueil.png"), FullPage = true });

        // The code is dead: the same code on Connexion is refused, in the summary.
        await page.GetByRole(AriaRole.Button, new() { Name = "Se déconnecter" }).Last.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await page.GetByLabel("Identifiant", new() { Exact = true }).FillAsync(identifier);
        await page.GetByLabel("Mot de passe ou code d’activation").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Connexion", Exact = true }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("incorrect");
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task The_QR_code_of_the_letter_brings_identifier_and_code_in_the_fragment_which_leaves_the_address()
    {
        var (identifier, code) = await IssuePendingAsync("Awa", Unique("Ndiaye"));
        var page = await OpenAsync($"/activation#identifier={Uri.EscapeDataString(identifier)}&code={Uri.EscapeDataString(code)}");

        await Expect(page.Locator("#recap")).ToContainTextAsync(identifier);
        await Expect(page).ToHaveURLAsync(new Regex("/activation$"));

        await page.GetByLabel("Mot de passe", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirmation du mot de passe").FillAsync(Password);
        await page.GetByLabel("Adresse e-mail personnelle").FillAsync($"{identifier}@example.fr");
        await page.GetByLabel("J’accepte les conditions générales d’utilisation").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Activer", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/accueil$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bonjour Awa");
    }
}
