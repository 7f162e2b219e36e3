using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ent77.Domain.Accounts;
using Ent77.Domain.Auditing;
using Ent77.FunctionalTests.Infrastructure;

namespace Ent77.FunctionalTests;

/// <summary>Bootstrapping a school over HTTP (PlatformAdmin): the establishment, then its first administrator.</summary>
public sealed class AdministrationBootstrapTests : FunctionalTest
{
    private static readonly string PlatformUai = AdminHelpers.UaiFor("0770003");

    [Fact]
    public async Task PlatformAdmin_CreatesASchool_201_SameUaiAgain409_WrongCheckLetter400()
    {
        var platformAdmin = await Factory.SignInAdministratorAsync(PlatformUai, "Yves", "Carpentier", platformAdmin: true);
        var before = await Factory.CountStoredAsync();

        using var created = await platformAdmin.Client.PostAsJsonAsync("/api/admin/establishments", new { uai = "0771234Y", name = "Collège Les Tilleuls", city = "Melun" });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("0771234Y", "Collège Les Tilleuls", "Melun"), (body.GetProperty("uai").GetString(), body.GetProperty("name").GetString(), body.GetProperty("city").GetString()));
        Assert.NotNull(created.Headers.Location);
        var list = await platformAdmin.Client.GetFromJsonAsync<JsonElement>("/api/establishments");
        Assert.Contains(list.EnumerateArray(), e => e.GetProperty("uai").GetString() == "0771234Y");
        Assert.Equal(before.Establishments + 1, (await Factory.CountStoredAsync()).Establishments);
        Assert.Equal(1, await Factory.CountAuditEventsAsync(AuditTypes.EstablishmentCreated));

        // The same UAI again, typed in lower case: 409, nothing changed.
        var conflict = await platformAdmin.Client.PostAsJsonAsync("/api/admin/establishments", new { uai = "0771234y", name = "Autre nom", city = "Meaux" });
        await Http.AssertProblemAsync(conflict, HttpStatusCode.Conflict);
        var again = await platformAdmin.Client.PostAsJsonAsync("/api/admin/establishments", new { uai = "0771234Y", name = "Autre nom", city = "Meaux" });
        await Http.AssertProblemAsync(again, HttpStatusCode.Conflict);

        // A wrong check letter, a malformed code: 400 on « uai ».
        var wrongLetter = await Http.AssertProblemAsync(
            await platformAdmin.Client.PostAsJsonAsync("/api/admin/establishments", new { uai = "0771234A", name = "Collège Faux", city = "Melun" }), HttpStatusCode.BadRequest);
        Assert.Equal(["uai"], Http.Errors(wrongLetter).Keys);
        var malformed = await Http.AssertProblemAsync(
            await platformAdmin.Client.PostAsJsonAsync("/api/admin/establishments", new { uai = "77-1234", name = "", city = "Melun" }), HttpStatusCode.BadRequest);
        Assert.Equal(["name", "uai"], Http.Errors(malformed).Keys.Order(StringComparer.Ordinal));

        var after = await Factory.CountStoredAsync();
        Assert.Equal(before.Establishments + 1, after.Establishments);
        Assert.Equal("Collège Les Tilleuls", (await Factory.WithDbAsync(db => Task.FromResult(db.Establishments.AsEnumerable().Single(e => e.Uai.Value == "0771234Y")))).Name);
    }

    [Fact]
    public async Task PlatformAdmin_IssuesTheSchoolsAdministrator_WhoActivatesAndAdministersOnlyItsSchool()
    {
        var platformAdmin = await Factory.SignInAdministratorAsync(PlatformUai, "Yves", "Carpentier", platformAdmin: true);
        (await platformAdmin.Client.PostAsJsonAsync("/api/admin/establishments", new { uai = Ent77Factory.Uai, name = "Collège Les Tilleuls", city = "Melun" })).EnsureSuccessStatusCode();
        var otherUai = AdminHelpers.UaiFor("0770002");
        await Factory.EnsureEstablishmentAsync(otherUai, "Collège B");

        using var response = await platformAdmin.Client.PostAsJsonAsync($"/api/admin/establishments/{Ent77Factory.Uai}/administrators", new { firstName = "Élodie", lastName = "Marchand" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>();
        var identifier = issued.GetProperty("identifier").GetString()!;
        var code = issued.GetProperty("activationCode").GetString()!;
        Factory.RegisterSecrets(code);
        Assert.Equal("elodie.marchand", identifier);
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", code);
        var id = issued.GetProperty("id").GetGuid();
        var account = await Factory.LoadAccountAsync(id);
        Assert.Equal((Profile.Staff, AccountStatus.Pending), (account.Profile, account.Status));

        var admin = Factory.CreateApiClient();
        await admin.ActivateAsync(identifier, code);
        var me = await admin.GetFromJsonAsync<JsonElement>("/api/account");
        Assert.Contains("EstablishmentAdmin", me.GetProperty("roles").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("PlatformAdmin", me.GetProperty("roles").ToString(), StringComparison.Ordinal);

        var accounts = await admin.GetOkAsync<AccountPage>($"/api/admin/establishments/{Ent77Factory.Uai}/accounts");
        Assert.Equal([identifier], accounts.Items.Select(a => a.Identifier));
        var imported = await admin.ImportOkAsync(Ent77Factory.Uai, AdminHelpers.Roster(AdminHelpers.Row("Dupont", "Hélène", "Élève", "6e A")));
        Assert.Equal(1, imported.Created);

        // Only its school, and no platform rights.
        await Http.AssertProblemAsync(await admin.GetAsync($"/api/admin/establishments/{otherUai}/accounts"), HttpStatusCode.Forbidden);
        await Http.AssertProblemAsync(
            await admin.PostAsJsonAsync("/api/admin/establishments", new { uai = AdminHelpers.UaiFor("0770009"), name = "Collège Neuf", city = "Meaux" }), HttpStatusCode.Forbidden);
        await Http.AssertProblemAsync(
            await admin.PostAsJsonAsync($"/api/admin/establishments/{Ent77Factory.Uai}/administrators", new { firstName = "Jean", lastName = "Complice" }), HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/hangfire")).StatusCode);

        // The platform admin's audit shows who issued it.
        var audit = await platformAdmin.Client.GetOkAsync<List<AuditEntry>>($"/api/admin/establishments/{Ent77Factory.Uai}/audit");
        var issuedEvent = Assert.Single(audit, e => e.Type == AuditTypes.AdministratorIssued);
        Assert.Equal(("yves.carpentier", identifier), (issuedEvent.ActorIdentifier, issuedEvent.AccountIdentifier));
    }

    [Fact]
    public async Task IssuingAnAdministrator_ForAnUnknownSchoolOrWithoutName_IsRefused()
    {
        var platformAdmin = await Factory.SignInAdministratorAsync(PlatformUai, "Yves", "Carpentier", platformAdmin: true);
        var before = await Factory.CountStoredAsync();

        await Http.AssertProblemAsync(
            await platformAdmin.Client.PostAsJsonAsync($"/api/admin/establishments/{AdminHelpers.UaiFor("0779999")}/administrators", new { firstName = "Élodie", lastName = "Marchand" }),
            HttpStatusCode.NotFound);
        var problem = await Http.AssertProblemAsync(
            await platformAdmin.Client.PostAsJsonAsync($"/api/admin/establishments/{PlatformUai}/administrators", new { firstName = "", lastName = "Marchand" }),
            HttpStatusCode.BadRequest);
        Assert.Contains("firstName", Http.Errors(problem).Keys);
        var noIdentifier = await platformAdmin.Client.PostAsJsonAsync($"/api/admin/establishments/{PlatformUai}/administrators", new { firstName = "***", lastName = "Marchand" });
        await Http.AssertProblemAsync(noIdentifier, HttpStatusCode.BadRequest);

        Assert.Equal(before, await Factory.CountStoredAsync());
    }
}
