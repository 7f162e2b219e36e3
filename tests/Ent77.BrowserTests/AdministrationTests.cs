using System.Net.Http.Json;
using System.Text;

namespace Ent77.BrowserTests;

/// <summary>A school's administrator imports a class, previews it, issues the codes and downloads them.</summary>
public sealed class AdministrationTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task An_administrator_imports_a_CSV_previews_it_issues_the_codes_and_downloads_the_PDF_letters()
    {
        var (adminIdentifier, _) = await IssueAdministratorAsync("Paul", Unique("Girard"));
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, adminIdentifier);
        await page.GetByRole(AriaRole.Link, new() { Name = "Administration" }).First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/administration$"));
        await Expect(page.Locator("#establishment-name")).ToContainTextAsync(PortalFixture.SchoolName);

        // The sample roster of the repository: 10 people, checked without writing anything.
        await page.Locator("#import-file").SetInputFilesAsync(SampleRoster());
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier le fichier" }).ClickAsync();
        await Expect(page.Locator("#preview-title")).ToContainTextAsync("10 compte(s) à créer, 0 à mettre à jour");
        await Expect(page.Locator("#preview-rows tr")).ToHaveCountAsync(10);
        await Expect(page.Locator("#preview-rows")).ToContainTextAsync("jean-pierre.lefevre");
        await page.ScreenshotAsync(new() { Path = Screenshot("administration-apercu.png"), FullPage = true });

        // Issued as PDF letters, downloaded through a blob.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Émettre les codes" }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        await Expect(page.Locator("#notice")).ToContainTextAsync("Import terminé");
        await Expect(page.Locator("#downloads a")).ToHaveAttributeAsync("download", download.SuggestedFilename);

        // Accounts: the class, filtered; one pending account gets a new code, as CSV.
        await page.GetByRole(AriaRole.Link, new() { Name = "Comptes" }).ClickAsync();
        await page.GetByLabel("Classe").FillAsync("6e A");
        await page.GetByLabel("Statut").SelectOptionAsync("Pending");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        // The service is shared with the other browser tests: the class holds at least the 7 students just imported.
        await Expect(page.Locator("#account-rows tr", new() { HasText = "awa.ndiaye" }).First).ToBeVisibleAsync();
        Assert.True(await page.Locator("#account-rows tr").CountAsync() >= 7);
        await page.GetByLabel("Format des nouveaux codes").SelectOptionAsync("csv");
        var row = page.Locator("#account-rows tr", new() { HasText = "awa.ndiaye" }).First;
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        var csv = await page.RunAndWaitForDownloadAsync(() =>
            row.GetByRole(AriaRole.Button, new() { Name = "Nouveau code pour Awa N'Diaye" }).ClickAsync());
        Assert.EndsWith(".csv", csv.SuggestedFilename, StringComparison.Ordinal);
        var lines = (await File.ReadAllTextAsync((await csv.PathAsync())!)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Identifiant;Code d'activation", lines[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.StartsWith("awa.ndiaye;", lines[1], StringComparison.Ordinal);

        // Follow-up: the activation rate of the class, drawn with a <meter>.
        await page.GetByRole(AriaRole.Link, new() { Name = "Taux d’activation" }).ClickAsync();
        // The class's students (its parents, when it has any, are on a line of their own: « Parents de 6e A »).
        var bar = page.Locator("#stats-classes li:not(.chart-parents)", new() { HasText = "6e A" });
        await Expect(bar.Locator("meter")).ToHaveAttributeAsync("value", "0");
        await Expect(bar).ToContainTextAsync("0 activé(s) sur 7");
        await Expect(page.GetByRole(AriaRole.Meter, new() { Name = "6e A", Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Screenshot("administration-suivi.png"), FullPage = true });
    }

    [Fact]
    public async Task A_single_new_code_is_issued_only_once_the_administrator_has_confirmed_it()
    {
        var (adminIdentifier, _) = await IssueAdministratorAsync("Rémi", Unique("Fabre"));
        var lastName = Unique("Perrin");
        var (identifier, code) = await IssuePendingAsync("Jade", lastName);
        var page = await (await NewContextAsync(phone: true)).NewPageAsync();
        await SignInAsync(page, adminIdentifier);
        await page.GotoAsync("/administration#comptes");
        await page.GetByLabel("Nom ou identifiant").FillAsync(identifier);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrer" }).ClickAsync();
        var button = page.Locator("#account-rows tr", new() { HasText = identifier }).GetByRole(AriaRole.Button, new() { Name = $"Nouveau code pour Jade {lastName}" });
        await Expect(button).ToBeVisibleAsync();

        // Declined: nothing is issued, the old code still opens the activation.
        var questions = new List<string>();
        var accept = false;
        page.Dialog += async (_, dialog) =>
        {
            questions.Add($"{dialog.Type}: {dialog.Message}");
            if (accept)
            {
                await dialog.AcceptAsync();
            }
            else
            {
                await dialog.DismissAsync();
            }
        };
        var downloads = 0;
        page.Download += (_, _) => downloads++;
        await button.ClickAsync();
        await Expect(page.Locator("#notice")).ToBeEmptyAsync();
        Assert.Equal($"confirm: Émettre un nouveau code pour Jade {lastName} ? Son code actuel ne fonctionnera plus : s’il a déjà été remis, il faudra remettre le nouveau.", Assert.Single(questions));
        Assert.Equal(0, downloads);
        Assert.Equal("activationRequired", await SignInOutcomeAsync(identifier, code));

        // Confirmed: the new code is issued (the letter is downloaded) and the old one is dead.
        accept = true;
        await page.RunAndWaitForDownloadAsync(() => button.ClickAsync());
        await Expect(page.Locator("#notice")).ToContainTextAsync("Nouveaux codes émis");
        Assert.Equal(2, questions.Count);
        Assert.Equal("401", await SignInOutcomeAsync(identifier, code));
    }

    /// <summary>What the sign-in answers for this pair: its outcome, or the status code when refused.</summary>
    private async Task<string> SignInOutcomeAsync(string identifier, string password)
    {
        using var client = new HttpClient { BaseAddress = Portal.BaseUrl };
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        using var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { identifier, password });
        if (!response.IsSuccessStatusCode)
        {
            return ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("outcome").GetString()!;
    }

    [Fact]
    public async Task A_person_without_an_administrator_role_is_told_the_page_is_not_for_them()
    {
        var (identifier, code) = await IssuePendingAsync("Chloé", Unique("Martin"));
        await ActivateThroughApiAsync(identifier, code, $"{identifier}@example.fr");
        var page = await (await NewContextAsync()).NewPageAsync();
        await SignInAsync(page, identifier);
        await Expect(page.Locator("#nav-admin")).ToBeHiddenAsync();
        await page.GotoAsync("/administration");
        await Expect(page.Locator("#notice")).ToContainTextAsync("réservée aux administrateurs");
        await Expect(page.Locator("#admin")).ToBeHiddenAsync();
    }

    public static string SampleRoster()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ent77.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, "samples", "eleves-6e-a.csv");
    }
}
