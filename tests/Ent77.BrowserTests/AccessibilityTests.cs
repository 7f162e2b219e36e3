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
    [Fact]
    public async Task EveryPublicPage_OnAPhone_HasNoSeriousViolation_NoSidewaysScroll_AndAScreenshot()
    {
        var failures = new List<string>();
        foreach (var path in PageChecks.PublicPages)
        {
            var page = await OpenAsync(path, phone: true);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            failures.AddRange(await PhoneAuditAsync(page, path));
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task TheSignedInPages_AndEveryAdministrationView_WithData_OnAPhone_HaveNoSeriousViolation_NoSidewaysScroll()
    {
        // Views with something in them: pending accounts (each with its « Nouveau code » button and the visually hidden
        // name it carries), an import preview, a help request and its detail.
        var (admin, _) = await IssueAdministratorAsync("Inès", Unique("Garnier"));
        var (pending, _) = await IssuePendingAsync("Anne-Sophie", Unique("Delacroix-Montagnier"));
        var reference = await SendHelpRequestAsync("Marc", Unique("Lebrun"));
        var page = await (await NewContextAsync(phone: true)).NewPageAsync();
        await SignInAsync(page, admin);
        var failures = new List<string>(await PhoneAuditAsync(page, "/accueil"));

        await page.GotoAsync("/administration#import");
        await page.Locator("#import-file").SetInputFilesAsync(AdministrationTests.SampleRoster());
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier le fichier" }).ClickAsync();
        await Expect(page.Locator("#preview-rows tr")).ToHaveCountAsync(10);
        failures.AddRange(await PhoneAuditAsync(page, "/administration#import (aperçu)"));

        await page.GotoAsync("/administration#comptes");
        await page.GetByLabel("Statut").SelectOptionAsync("Pending");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        await Expect(page.Locator("#account-rows tr", new() { HasText = pending })).ToHaveCountAsync(1);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Nouveau code pour" }).First).ToBeVisibleAsync();
        failures.AddRange(await PhoneAuditAsync(page, "/administration#comptes"));

        foreach (var (view, loaded) in new[] { ("suivi", "#stats-classes li"), ("aide", "#help-rows tr") })
        {
            await page.GotoAsync($"/administration#{view}");
            await Expect(page.Locator(loaded).First).ToBeVisibleAsync();
            failures.AddRange(await PhoneAuditAsync(page, $"/administration#{view}"));
        }

        await page.Locator("#help-rows tr", new() { HasText = reference }).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("#detail-title")).ToHaveTextAsync($"Demande {reference}");
        failures.AddRange(await PhoneAuditAsync(page, "/administration#aide/{id}"));

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
