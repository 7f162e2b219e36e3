using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ent77.Domain.Accounts;
using Ent77.FunctionalTests.Infrastructure;
using UglyToad.PdfPig;
using static Ent77.FunctionalTests.Infrastructure.AdminHelpers;

namespace Ent77.FunctionalTests;

/// <summary>
/// Families everywhere (docs/IMPORTS.md "Families"): the CSV <c>Enfants</c> column, a parent's account, the accounts list,
/// the statistics by class, re-issues to the parents of a class, a parent's letter and help-request suggestions.
/// </summary>
public sealed class FamilyTests : FunctionalTest
{
    private const string Uai = Ent77Factory.Uai;

    private const string Header = RosterHeader + ";Enfants";

    private static string Family(params string[] rows) => Header + "\r\n" + string.Join("\r\n", rows) + "\r\n";

    /// <summary>Zoé (6A) and Hugo (4B) Martin, their mother Claire, Léo Roux (6A) and his father Marc, a parent with no child.</summary>
    private static readonly string School = Family(
        "Martin;Zoé;Élève;6A;;e1;",
        "Martin;Hugo;Élève;4B;;e2;",
        "Roux;Léo;Élève;6A;;e3;",
        "Martin;Claire;Parent;;;p1;e1|e2",
        "Roux;Marc;Parent;;;p2;e3",
        "Vidal;Rose;Parent;;;p3;");

    [Fact]
    public async Task ParentWithTwoChildren_IsOneAccount_AndSeesThemOnTheirAccount()
    {
        var admin = await Factory.SignInAdministratorAsync(Uai, "Anne", "Lemoine");
        var import = await admin.ImportOkAsync(Uai, School);
        var claire = import.Accounts.Single(a => a.Identifier == "claire.martin");

        var client = Factory.CreateApiClient();
        await client.ActivateAsync(claire.Identifier, claire.ActivationCode!);
        var account = await client.GetOkAsync<JsonElement>("/api/account");

        var children = account.GetProperty("children").EnumerateArray()
            .Select(c => (c.GetProperty("identifier").GetString(), c.GetProperty("firstName").GetString(), c.GetProperty("lastName").GetString(),
                c.GetProperty("className").GetString(), c.GetProperty("establishment").GetProperty("uai").GetString()))
            .ToList();
        Assert.Equal([("hugo.martin", "Hugo", "Martin", "4B", Uai), ("zoe.martin", "Zoé", "Martin", "6A", Uai)], children);
        Assert.Single(import.Accounts, a => a.FirstName == "Claire");
    }

    [Fact]
    public async Task TheEnfantsColumn_RefusesAnUnknownChildAndAChildOfANonParent_WritingNothing()
    {
        var admin = await Factory.SignInAdministratorAsync(Uai, "Anne", "Lemoine");
        var before = await Factory.CountStoredAsync();

        var notAParent = await AssertRosterRefusedAsync(await admin.Client.ImportAsync(Uai, Family(
            "Martin;Zoé;Élève;6A;;e1;",
            "Martin;Paul;Enseignant;;;t1;e1")));
        var unknownChild = await AssertRosterRefusedAsync(await admin.Client.ImportAsync(Uai, Family(
            "Martin;Zoé;Élève;6A;;e1;",
            "Martin;Claire;Parent;;;p1;e1|e9",
            "Roux;Marc;Parent;;;p2;p1")));

        Assert.Equal((3, "Enfants"), Assert.Single(notAParent.Select(e => (e.Line, e.Column))));
        Assert.Equal([(3, "Enfants"), (4, "Enfants")], unknownChild.Select(e => (e.Line, e.Column)).OrderBy(e => e.Line).ToList());
        Assert.Contains("« e9 »", unknownChild[0].Reason, StringComparison.Ordinal);
        Assert.Contains("« p1 »", unknownChild[1].Reason, StringComparison.Ordinal); // a parent is not a child
        Assert.Equal(before, await Factory.CountStoredAsync());
    }

    [Fact]
    public async Task TheAccountsList_ShowsEachParentsChildrenAndEachStudentsParents()
    {
        var admin = await Factory.SignInAdministratorAsync(Uai, "Anne", "Lemoine");
        await admin.ImportOkAsync(Uai, School);

        var page = await admin.Client.GetOkAsync<JsonElement>($"/api/admin/establishments/{Uai}/accounts?pageSize=50");

        var items = page.GetProperty("items").EnumerateArray().ToDictionary(i => i.GetProperty("identifier").GetString()!);
        static string[] Names(JsonElement item, string property) =>
            [.. item.GetProperty(property).EnumerateArray().Select(c => c.GetProperty("identifier").GetString()!)];
        Assert.Equal(["hugo.martin", "zoe.martin"], Names(items["claire.martin"], "children"));
        Assert.Equal(["claire.martin"], Names(items["zoe.martin"], "parents"));
        Assert.Equal(["marc.roux"], Names(items["leo.roux"], "parents"));
        Assert.Empty(Names(items["rose.vidal"], "children"));
        Assert.Empty(Names(items["zoe.martin"], "children"));
    }

    [Fact]
    public async Task StatisticsByClass_CountTheParentsOfEachClassApart()
    {
        var admin = await Factory.SignInAdministratorAsync(Uai, "Anne", "Lemoine");
        var import = await admin.ImportOkAsync(Uai, School);
        var marc = import.Accounts.Single(a => a.Identifier == "marc.roux");
        await Factory.CreateApiClient().ActivateAsync(marc.Identifier, marc.ActivationCode!);

        var stats = await admin.Client.GetOkAsync<JsonElement>($"/api/admin/establishments/{Uai}/activation-stats");

        var parents = stats.GetProperty("parentsByClass").EnumerateArray()
            .ToDictionary(r => r.GetProperty("group").GetString()!, r => (r.GetProperty("total").GetInt32(), r.GetProperty("active").GetInt32()));
        Assert.Equal(new Dictionary<string, (int, int)> { ["4B"] = (1, 0), ["6A"] = (2, 1) }, parents);
        var byClass = stats.GetProperty("byClass").EnumerateArray()
            .ToDictionary(r => r.GetProperty("group").GetString()!, r => r.GetProperty("total").GetInt32());
        Assert.Equal(2, byClass["6A"]);
        Assert.Equal(2, byClass["(sans classe)"]); // Rose Vidal (no child) and the administrator
    }

    [Fact]
    public async Task ReissueToTheParentsOfAClass_ReachesExactlyThem()
    {
        var admin = await Factory.SignInAdministratorAsync(Uai, "Anne", "Lemoine");
        await admin.ImportOkAsync(Uai, School);

        var reissued = await admin.ReissueOkAsync(Uai, new { className = "4B", profile = "Parent" });

        var claire = Assert.Single(reissued.Accounts);
        Assert.Equal("claire.martin", claire.Identifier);
        var again = await admin.ReissueOkAsync(Uai, new { className = "6A", profile = "Parent" });
        Assert.Equal(["claire.martin", "marc.roux"], again.Accounts.Select(a => a.Identifier).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AParentsLetter_NamesTheChildrenAndTheirClasses()
    {
        var admin = await Factory.SignInAdministratorAsync(Uai, "Anne", "Lemoine");

        var response = await admin.Client.ImportAsync(Uai, School, "format=pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var pages = pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        var claire = Assert.Single(pages, p => p.Contains("claire.martin", StringComparison.Ordinal));
        Assert.Contains("Responsable légal de Zoé Martin, classe 6A", claire, StringComparison.Ordinal);
        Assert.Contains("Responsable légal de Hugo Martin, classe 4B", claire, StringComparison.Ordinal);
        var zoe = Assert.Single(pages, p => p.Contains("zoe.martin", StringComparison.Ordinal) && !p.Contains("claire", StringComparison.Ordinal));
        Assert.DoesNotContain("Responsable légal de", zoe, StringComparison.Ordinal);
        response.Dispose();
    }

    [Fact]
    public async Task AHelpRequestAboutAChild_SuggestsTheParentsAccounts()
    {
        var admin = await Factory.SignInAdministratorAsync(Uai, "Anne", "Lemoine");
        await admin.ImportOkAsync(Uai, School);
        var form = new
        {
            firstName = "Sylvie", lastName = "Blanc", email = "sylvie@example.org", phone = (string?)null, uai = Uai, kind = "Activation",
            studentName = "zoe MARTIN", className = "6A", message = "Le courrier est perdu.", website = (string?)null,
        };
        Assert.Equal(HttpStatusCode.Accepted, (await Factory.CreateApiClient().PostAsJsonAsync("/api/help-requests", form)).StatusCode);
        var list = await admin.Client.GetOkAsync<JsonElement>($"/api/admin/establishments/{Uai}/help-requests");
        var id = list.EnumerateArray().Single().GetProperty("id").GetGuid();

        var detail = await admin.Client.GetOkAsync<JsonElement>($"/api/admin/establishments/{Uai}/help-requests/{id}");

        var suggested = detail.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("identifier").GetString()).ToList();
        Assert.Equal(["zoe.martin", "claire.martin"], suggested);
    }
}
