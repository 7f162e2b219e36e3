using Ent77.Infrastructure.Support;
using Ent77.WebApi.Security;

namespace Ent77.BrowserTests;

/// <summary>
/// What a public body's site must show (issue 15, point 9): the accessibility statement, the personal-data page and
/// the legal notice, linked from every footer, with the operator taken from configuration (<c>Operator:*</c>, set
/// to test values by the fixture) and the retention periods of the code itself.
/// </summary>
public sealed class LegalPagesTests(PortalFixture portal) : BrowserTest(portal)
{
    private static readonly (string Name, string Href)[] FooterLinks =
    [
        ("Accessibilité : partiellement conforme", "/accessibilite"),
        ("Données personnelles", "/donnees-personnelles"),
        ("Mentions légales", "/mentions-legales"),
    ];

    [Fact]
    public async Task Every_footer_links_to_the_accessibility_statement_with_its_status_the_personal_data_and_the_legal_notice()
    {
        var (admin, _) = await IssueAdministratorAsync("Lina", Unique("Roche"));
        var page = await (await NewContextAsync()).NewPageAsync();
        var pages = new List<string>(PageChecks.PublicPages);
        foreach (var path in PageChecks.PublicPages)
        {
            await page.GotoAsync(path);
            await ExpectFooterAsync(page, path);
        }

        await SignInAsync(page, admin);
        foreach (var path in new[] { "/accueil", "/administration" })
        {
            await page.GotoAsync(path);
            await ExpectFooterAsync(page, path);
            pages.Add(path);
        }

        Assert.Equal(13, pages.Count);
    }

    [Fact]
    public async Task The_legal_pages_name_the_configured_operator_and_the_retention_the_code_applies()
    {
        var op = PortalFixture.Operator;
        var page = await OpenAsync("/mentions-legales", phone: true);
        var main = page.Locator("main");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Mentions légales");
        foreach (var value in new[] { op["Name"], op["Address"], op["PublicationDirector"], op["HostName"], op["HostAddress"], op["ContactEmail"] })
        {
            await Expect(main).ToContainTextAsync(value);
        }

        await Expect(main.GetByRole(AriaRole.Link, new() { Name = op["ContactEmail"] })).ToHaveAttributeAsync("href", $"mailto:{op["ContactEmail"]}");

        await page.GotoAsync("/donnees-personnelles");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Données personnelles");
        await Expect(main).ToContainTextAsync($"{op["Name"]}, {op["Address"]}.");
        await Expect(main.GetByRole(AriaRole.Link, new() { Name = op["DpoEmail"] }).First).ToHaveAttributeAsync("href", $"mailto:{op["DpoEmail"]}");
        var retention = page.GetByRole(AriaRole.Table, new() { Name = "Données et durées de conservation" });
        await Expect(retention.GetByRole(AriaRole.Row)).ToHaveCountAsync(8);
        var helpRequests = (int)new SupportOptions().Retention.TotalDays;
        Assert.Equal(365, helpRequests);
        await Expect(RowOf(retention, "Demande d’aide")).ToContainTextAsync($"Supprimée {helpRequests} jours après sa clôture.");
        await Expect(RowOf(retention, "Session de connexion")).ToContainTextAsync(
            $"Fermée après {Sessions.IdleTimeout.TotalMinutes:0} minutes d’inactivité, et au plus tard après {Sessions.AbsoluteTimeout.TotalHours:0} heures ; avec « Se souvenir de moi », {Sessions.RememberMeLifetime.TotalDays:0} jours.");
        await Expect(RowOf(retention, "Journal de sécurité")).ToContainTextAsync("sans suppression automatique");
        await Expect(RowOf(retention, "Code d’activation")).ToContainTextAsync("Valable 90 jours, inutilisable dès l’activation.");
        await Expect(main).ToContainTextAsync("articles 15 à 21 du RGPD");
        await Expect(main).ToContainTextAsync("CNIL");

        await page.GotoAsync("/accessibilite");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Déclaration d’accessibilité");
        await Expect(main).ToContainTextAsync("Le service ENT 77 est partiellement conforme avec le référentiel général d’amélioration de l’accessibilité (RGAA), version 4.1.2.");
        await Expect(main).ToContainTextAsync("Cette déclaration a été établie le 5 octobre 2026.");
        await Expect(main.GetByRole(AriaRole.Link, new() { Name = op["ContactEmail"] })).ToHaveAttributeAsync("href", $"mailto:{op["ContactEmail"]}");
        await Expect(main).ToContainTextAsync("Défenseur des droits");
        foreach (var heading in new[] { "État de conformité", "Contenus non accessibles", "Établissement de cette déclaration", "Retour d’information et contact", "Voies de recours" })
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = heading })).ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task The_legal_pages_and_the_terms_are_whole_without_a_script()
    {
        var context = await Portal.Browser.NewContextAsync(new() { BaseURL = Portal.BaseUrl.ToString(), JavaScriptEnabled = false, Locale = "fr-FR" });
        try
        {
            var page = await context.NewPageAsync();
            await page.GotoAsync("/cgu");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Conditions générales d’utilisation de l’ENT 77");
            await Expect(page.Locator("#terms-meta")).ToHaveTextAsync(new Regex(@"^Version 2026-09, publiée le \d{1,2} [a-zéû]+ \d{4}\.$"));
            await Expect(page.Locator("#terms-content h2")).ToHaveCountAsync(5);
            await Expect(page.Locator("#terms-content h2").First).ToHaveTextAsync("1. Objet");
            foreach (var (path, heading) in new[] { ("/accessibilite", "Déclaration d’accessibilité"), ("/donnees-personnelles", "Données personnelles"), ("/mentions-legales", "Mentions légales") })
            {
                await page.GotoAsync(path);
                await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
                await Expect(page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "Mentions légales" })).ToBeVisibleAsync();
            }
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    private static ILocator RowOf(ILocator table, string text) => table.GetByRole(AriaRole.Row).Filter(new() { HasText = text });

    private static async Task ExpectFooterAsync(IPage page, string path)
    {
        var footer = page.GetByRole(AriaRole.Contentinfo);
        await Expect(footer).ToHaveCountAsync(1);
        foreach (var (name, href) in FooterLinks)
        {
            var link = footer.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });
            await Expect(link).ToHaveAttributeAsync("href", href);
            if (href == path)
            {
                await Expect(link).ToHaveAttributeAsync("aria-current", "page");
            }
        }

        await Expect(footer).ToContainTextAsync($"Éditeur : {PortalFixture.Operator["Name"]}");
    }
}
