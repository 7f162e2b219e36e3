using MimeKit;

namespace Ent77.BrowserTests;

/// <summary>Lost password and e-mail confirmation, through the links of the e-mails caught by the loopback SMTP server.</summary>
public sealed class RecoveryTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task A_lost_password_is_reset_through_the_link_of_the_email()
    {
        var (identifier, code) = await IssuePendingAsync("Lucas", Unique("Moreau"));
        var email = $"{identifier}@example.fr";
        await ActivateThroughApiAsync(identifier, code, email);

        // Connexion → « Mot de passe oublié ? »
        var page = await OpenAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Mot de passe oublié ?" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/mot-de-passe-oublie$"));
        await page.GetByLabel("Identifiant", new() { Exact = true }).FillAsync(identifier);
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Demande enregistrée");

        // The e-mail's link: {PublicBaseUrl}/reinitialisation#token=…
        var message = await Portal.Smtp.WaitForAsync(email, m => (m.TextBody ?? string.Empty).Contains("/reinitialisation#token=", StringComparison.Ordinal));
        Assert.NotNull(message);
        var link = LinkIn(message, "reinitialisation");
        await page.GotoAsync(link);
        await Expect(page).ToHaveURLAsync(new Regex("/reinitialisation$"));

        // A confirmation that differs is refused by its field; then the new password is saved.
        await page.GetByLabel("Nouveau mot de passe").FillAsync("Tournesol-2027");
        await page.GetByLabel("Confirmation du mot de passe").FillAsync("Tournesol-2028");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mot de passe" }).ClickAsync();
        await Expect(page.Locator("#passwordConfirmation-error")).ToBeVisibleAsync();
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        await page.GetByLabel("Confirmation du mot de passe").FillAsync("Tournesol-2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mot de passe" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Votre mot de passe est changé");

        // The link works once.
        await page.GotoAsync(link);
        await page.GetByLabel("Nouveau mot de passe").FillAsync("Tournesol-2029");
        await page.GetByLabel("Confirmation du mot de passe").FillAsync("Tournesol-2029");
        await page.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le mot de passe" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToContainTextAsync("n’est plus valable");

        // The new password opens Accueil.
        await SignInAsync(page, identifier, "Tournesol-2027");
    }

    [Fact]
    public async Task The_welcome_email_link_confirms_the_address_shown_on_Accueil()
    {
        var (identifier, code) = await IssuePendingAsync("Inès", Unique("Roux"));
        var email = $"{identifier}@example.fr";
        await ActivateThroughApiAsync(identifier, code, email);
        var message = await Portal.Smtp.WaitForAsync(email, m => (m.TextBody ?? string.Empty).Contains("/confirmation-email#token=", StringComparison.Ordinal));
        Assert.NotNull(message);

        var page = await OpenAsync(LinkIn(message, "confirmation-email"));
        await Expect(page).ToHaveURLAsync(new Regex("/confirmation-email$"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirmer mon adresse" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Votre adresse e-mail est confirmée");

        await SignInAsync(page, identifier);
        await Expect(page.Locator("#email-state")).ToHaveTextAsync("confirmée");
    }

    [Fact]
    public async Task A_forgotten_identifier_is_sent_to_the_address()
    {
        var (identifier, code) = await IssuePendingAsync("Yanis", Unique("Benali"));
        var email = $"{identifier}@example.fr";
        await ActivateThroughApiAsync(identifier, code, email);

        var page = await OpenAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Identifiant oublié ?" }).First.ClickAsync();
        await page.GetByLabel("Adresse e-mail").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new() { Name = "Recevoir mon identifiant" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Demande enregistrée");
        Assert.NotNull(await Portal.Smtp.WaitForAsync(email, m => (m.TextBody ?? string.Empty).Contains(identifier, StringComparison.Ordinal)
            && (m.Subject ?? string.Empty).Contains("identifiant", StringComparison.OrdinalIgnoreCase)));
    }

    private string LinkIn(MimeMessage message, string page)
    {
        var match = Regex.Match(message.TextBody ?? string.Empty, Regex.Escape(Portal.BaseUrl.ToString().TrimEnd('/')) + "/" + page + "#token=[A-Za-z0-9_-]+");
        Assert.True(match.Success, $"No {page} link built on the service's own address in: {message.TextBody}");
        return match.Value;
    }
}
