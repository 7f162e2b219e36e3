namespace Ent77.BrowserTests;

/// <summary>The help form of a parent reaches the school's administrators, who handle it on the administration page.</summary>
public sealed class HelpRequestTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task The_help_form_reaches_the_school_list_and_the_administrator_resolves_it()
    {
        var (adminIdentifier, adminEmail) = await IssueAdministratorAsync("Claire", Unique("Martin"));
        var lastName = Unique("Dupont");
        var requesterEmail = $"sophie.{lastName.ToLowerInvariant()}@example.fr";

        // Connexion → « Besoin d'aide ? »
        var page = await OpenAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "Besoin d’aide ?" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/aide$"));

        // The honeypot is hidden from people and from screen readers, and out of the tab order.
        var honeypot = page.Locator("#website");
        await Expect(honeypot).ToBeHiddenAsync();
        await Expect(honeypot).ToHaveAttributeAsync("tabindex", "-1");
        await Expect(honeypot).ToHaveAttributeAsync("autocomplete", "off");
        await Expect(page.Locator("[aria-hidden='true']:has(#website)")).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "Site web" })).ToHaveCountAsync(0);

        // Sent empty: every missing answer by its field (the radio group and the school included; the school is
        // chosen in advance when it is the service's only one, so the field is emptied first).
        // The list of schools is loaded first: emptied before it arrives, the field would be filled again by that choice.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Établissement" }).FillAsync(string.Empty);
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma demande" }).ClickAsync();
        await Expect(page.Locator(".error-summary")).ToBeFocusedAsync();
        foreach (var field in new[] { "firstName", "lastName", "email", "message", "uai-search" })
        {
            await Expect(page.Locator($"#{field}")).ToHaveAttributeAsync("aria-invalid", "true");
        }

        await Expect(page.Locator("fieldset[data-field='kind'] .field-error")).ToBeVisibleAsync();

        // Filled in: the establishments come from the public list.
        await page.GetByLabel("Prénom", new() { Exact = true }).FillAsync("Sophie");
        await page.GetByLabel("Nom", new() { Exact = true }).FillAsync(lastName);
        await page.GetByLabel("Adresse e-mail", new() { Exact = true }).FillAsync(requesterEmail);
        var school = page.GetByRole(AriaRole.Combobox, new() { Name = "Établissement" });
        await school.FillAsync("tilleuls melun");
        await page.GetByRole(AriaRole.Option, new() { Name = PortalFixture.SchoolName }).ClickAsync();
        await Expect(page.Locator("#uai")).ToHaveValueAsync(PortalFixture.Uai);
        await page.GetByLabel("Je n’arrive pas à activer mon compte").CheckAsync();
        await page.GetByLabel("Nom et prénom de l’élève").FillAsync($"Hélène {lastName}");
        await page.GetByLabel("Classe").FillAsync("6e A");
        await page.GetByLabel("Message").FillAsync("Le courrier de ma fille a été perdu : pouvez-vous m'envoyer un nouveau code ?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer ma demande" }).ClickAsync();
        await Expect(page.Locator("#notice")).ToContainTextAsync("Votre demande est enregistrée sous la référence");
        var reference = (await page.Locator("#notice .reference").TextContentAsync())!.Trim();
        Assert.Matches("^AIDE-[0-9A-Z]+$", reference);

        // The school's administrator is told, with a link to the request on the administration page.
        var notification = await Portal.Smtp.WaitForAsync(adminEmail, m => (m.TextBody ?? string.Empty).Contains(reference, StringComparison.Ordinal));
        Assert.NotNull(notification);
        var link = Regex.Match(notification.TextBody!, Regex.Escape(Portal.BaseUrl.ToString().TrimEnd('/')) + "/administration#aide/[0-9a-f-]{36}").Value;
        Assert.False(string.IsNullOrEmpty(link), notification.TextBody);

        var admin = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(admin, adminIdentifier);
        await admin.GotoAsync(link);
        await Expect(admin.Locator("#detail-title")).ToHaveTextAsync($"Demande {reference}");
        await Expect(admin.Locator("#detail-status")).ToHaveTextAsync("Nouvelle");
        await Expect(admin.Locator("#detail-message")).ToContainTextAsync("nouveau code");

        // In the school's list.
        await admin.GetByRole(AriaRole.Link, new() { Name = "← Toutes les demandes" }).ClickAsync();
        var row = admin.Locator("#help-rows tr", new() { HasText = reference });
        await Expect(row).ToContainTextAsync("Nouvelle");
        await Expect(row).ToContainTextAsync($"Sophie {lastName}");

        // Handled: taken, then closed with a note (required, by its field).
        await row.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Prendre en charge" }).ClickAsync();
        await Expect(admin.Locator("#detail-status")).ToHaveTextAsync("En cours");
        await admin.ScreenshotAsync(new() { Path = Screenshot("administration-demande-aide.png"), FullPage = true });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Clore : demande résolue" }).ClickAsync();
        await Expect(admin.Locator("#help-note")).ToHaveAttributeAsync("aria-invalid", "true");
        await admin.GetByLabel("Note de clôture").FillAsync("Nouveau code remis à l'élève en classe.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Clore : demande résolue" }).ClickAsync();
        await Expect(admin.Locator("#detail-status")).ToHaveTextAsync("Résolue");
        await Expect(admin.Locator("#handle-form")).ToBeHiddenAsync();

        // The requester is told the outcome.
        Assert.NotNull(await Portal.Smtp.WaitForAsync(requesterEmail, m => (m.TextBody ?? string.Empty).Contains("Nouveau code remis", StringComparison.Ordinal)));
    }
}
