namespace Ent77.BrowserTests;

/// <summary>Accueil: changing one's password and contact details, errors by their fields.</summary>
public sealed class AccueilTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task The_password_and_the_contact_details_are_changed_from_Accueil()
    {
        var (identifier, code) = await IssuePendingAsync("Élodie", Unique("Fontaine"), "Enseignant");
        await ActivateThroughApiAsync(identifier, code, $"{identifier}@example.fr");
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, identifier);
        await Expect(page.Locator("#profile")).ToHaveTextAsync("Enseignant");

        // Password: a wrong current password is refused by its field, then the change goes through.
        await page.GetByText("Changer mon mot de passe").First.ClickAsync();
        var form = page.Locator("#password-form");
        await form.GetByLabel("Mot de passe actuel").FillAsync("Pas-le-bon-1");
        await form.GetByLabel("Nouveau mot de passe", new() { Exact = true }).FillAsync("Tournesol-2027");
        await form.GetByLabel("Confirmation du nouveau mot de passe").FillAsync("Tournesol-2027");
        await form.GetByRole(AriaRole.Button, new() { Name = "Changer mon mot de passe" }).ClickAsync();
        await Expect(page.Locator("#password-currentPassword")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(form.Locator(".field-error")).ToContainTextAsync("mot de passe actuel est incorrect");
        await form.GetByLabel("Mot de passe actuel").FillAsync(Password);
        await form.GetByLabel("Nouveau mot de passe", new() { Exact = true }).FillAsync("Tournesol-2027");
        await form.GetByLabel("Confirmation du nouveau mot de passe").FillAsync("Tournesol-2027");
        await form.GetByRole(AriaRole.Button, new() { Name = "Changer mon mot de passe" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Votre mot de passe est changé");
        await Expect(page.Locator("#notice")).ToBeFocusedAsync();

        // Contact details: a new address, to be confirmed; the session goes on after the password change.
        await page.GetByText("Modifier mes coordonnées").ClickAsync();
        var contact = page.Locator("#contact-form");
        await contact.GetByLabel("Adresse e-mail personnelle").FillAsync($"nouvelle.{identifier}@example.fr");
        await contact.GetByLabel("Téléphone mobile (facultatif)").FillAsync("06 98 76 54 32");
        await contact.GetByLabel("Mot de passe actuel").FillAsync("Tournesol-2027");
        await contact.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mes coordonnées" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Vos coordonnées sont enregistrées");
        await Expect(page.Locator("#email")).ToHaveTextAsync($"nouvelle.{identifier}@example.fr");
        await Expect(page.Locator("#email-state")).ToHaveTextAsync("à confirmer");
        await Expect(page.Locator("#mobile")).ToHaveTextAsync("06 98 76 54 32");
    }
}
