using System.Net;
using System.Net.Http.Json;
using Ent77.Domain.Accounts;
using Ent77.Domain.Auditing;
using Ent77.FunctionalTests.Infrastructure;

namespace Ent77.FunctionalTests;

/// <summary>Following a school: the accounts list, the activation rates, blocking, the audit log.</summary>
public sealed class AdministrationFollowUpTests : FunctionalTest
{
    private static readonly string Accounts = $"/api/admin/establishments/{Ent77Factory.Uai}/accounts";
    private static readonly string Stats = $"/api/admin/establishments/{Ent77Factory.Uai}/activation-stats";
    private static readonly string Audit = $"/api/admin/establishments/{Ent77Factory.Uai}/audit";

    private Member _admin = null!;
    private Dictionary<string, IssuedCode> _people = null!;

    private async Task ImportSchoolAsync() =>
        (_admin, _people) = await Factory.ImportSchoolAsync(
            AdminHelpers.Row("Dupont", "Hélène", "Élève", "6e A"),
            AdminHelpers.Row("Dupont", "Jean", "Élève", "6e A"),
            AdminHelpers.Row("Martin", "Marc", "Élève", "6e B"),
            AdminHelpers.Row("Martin", "Sophie", "Parent"),
            AdminHelpers.Row("Durand", "Paul", "Enseignant"),
            AdminHelpers.Row("Lefèvre", "Inès", "Élève", "6e B", externalId: "INE-4242"));

    private Task<AccountPage> ListAsync(string query = "") => _admin.Client.GetOkAsync<AccountPage>(Accounts + "?" + query);

    [Fact]
    public async Task AccountsList_FiltersByStatusProfileClassAndName_AndPages()
    {
        await ImportSchoolAsync();
        await Factory.CreateApiClient().ActivateAsync("jean.dupont", _people["jean.dupont"].ActivationCode!);
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.Client.PostAsync($"/api/admin/accounts/{_people["marc.martin"].Id}/block", null)).StatusCode);

        var all = await ListAsync();
        Assert.Equal((7, 1, 50), (all.Total, all.Page, all.PageSize)); // the six people and the administrator
        Assert.Equal(
            ["helene.dupont", "jean.dupont", "paul.durand", "ines.lefevre", "claire.martin", "marc.martin", "sophie.martin"],
            all.Items.Select(a => a.Identifier)); // by last name, then first name

        Assert.Equal(["jean.dupont", "claire.martin"], (await ListAsync("status=Active")).Items.Select(a => a.Identifier));
        Assert.Equal(["marc.martin"], (await ListAsync("status=Blocked")).Items.Select(a => a.Identifier));
        var pending = await ListAsync("status=Pending");
        Assert.Equal(4, pending.Total);
        Assert.All(pending.Items, a => Assert.True(a.HasLiveCode && a.CodeExpiresAt is not null, a.Identifier));
        Assert.Equal(["sophie.martin"], (await ListAsync("profile=Parent")).Items.Select(a => a.Identifier));
        Assert.Equal(["paul.durand"], (await ListAsync("profile=Teacher")).Items.Select(a => a.Identifier));
        Assert.Equal(["helene.dupont", "jean.dupont"], (await ListAsync("className=6e%20A")).Items.Select(a => a.Identifier));
        Assert.Equal(["marc.martin"], (await ListAsync("className=6e%20B&status=Blocked")).Items.Select(a => a.Identifier));
        Assert.Equal(["ines.lefevre"], (await ListAsync("className=6e%20B&profile=Student&status=Pending")).Items.Select(a => a.Identifier));

        // Search by name, accents and case ignored, in any order; or by external id.
        var helene = Assert.Single((await ListAsync("search=h%C3%A9l%C3%A8ne")).Items);
        Assert.Equal(("Hélène", "Dupont", Profile.Student, "6e A", AccountStatus.Pending), (helene.FirstName, helene.LastName, helene.Profile, helene.ClassName, helene.Status));
        Assert.Equal(["helene.dupont"], (await ListAsync("search=DUPONT%20H%C3%89L%C3%88NE")).Items.Select(a => a.Identifier));
        Assert.Equal(["helene.dupont", "jean.dupont"], (await ListAsync("search=dupont")).Items.Select(a => a.Identifier));
        Assert.Equal(["ines.lefevre"], (await ListAsync("search=Lef%C3%A8vre")).Items.Select(a => a.Identifier));
        Assert.Equal(["ines.lefevre"], (await ListAsync("search=ine-4242")).Items.Select(a => a.Identifier));
        Assert.Empty((await ListAsync("search=zorro")).Items);
        Assert.Equal(0, (await ListAsync("search=zorro")).Total);

        // Pages: the total stays, the pages cover everyone once.
        var pages = new List<AccountSummary>();
        for (var page = 1; page <= 4; page++)
        {
            var result = await ListAsync($"page={page}&pageSize=2");
            Assert.Equal((7, page, 2), (result.Total, result.Page, result.PageSize));
            Assert.Equal(page < 4 ? 2 : 1, result.Items.Count);
            pages.AddRange(result.Items);
        }

        Assert.Equal(all.Items.Select(a => a.Id), pages.Select(a => a.Id));
        Assert.Empty((await ListAsync("page=5&pageSize=2")).Items);

        await Http.AssertProblemAsync(await _admin.Client.GetAsync(Accounts + "?pageSize=0"), HttpStatusCode.BadRequest);
        await Http.AssertProblemAsync(await _admin.Client.GetAsync(Accounts + "?pageSize=100000"), HttpStatusCode.BadRequest);
        await Http.AssertProblemAsync(await _admin.Client.GetAsync(Accounts + "?page=0"), HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.BadRequest, (await _admin.Client.GetAsync(Accounts + "?status=Supprime")).StatusCode);
    }

    [Fact]
    public async Task ActivationStats_ByProfileAndClass_ChangeAfterAnActivation()
    {
        await ImportSchoolAsync();

        var before = await _admin.Client.GetOkAsync<ActivationStats>(Stats);
        Assert.Equal((7, 1, 6, 0), (before.Overall.Total, before.Overall.Active, before.Overall.Pending, before.Overall.Blocked));
        Assert.Equal(Math.Round(1 / 7.0, 4), before.Overall.Rate, 4);
        var students = before.ByProfile.Single(p => p.Group == "Student");
        Assert.Equal((4, 0, 0.0), (students.Total, students.Active, students.Rate));
        Assert.Equal((2, 0), (before.ByClass.Single(c => c.Group == "6e A").Total, before.ByClass.Single(c => c.Group == "6e A").Active));
        Assert.Equal(
            ["Parent", "Staff", "Student", "Teacher"],
            before.ByProfile.Select(p => p.Group).Order(StringComparer.Ordinal));
        Assert.Equal(7, before.ByProfile.Sum(p => p.Total));
        Assert.Equal(7, before.ByClass.Sum(c => c.Total));

        await Factory.CreateApiClient().ActivateAsync("helene.dupont", _people["helene.dupont"].ActivationCode!);

        var after = await _admin.Client.GetOkAsync<ActivationStats>(Stats);
        Assert.Equal((7, 2, 5), (after.Overall.Total, after.Overall.Active, after.Overall.Pending));
        Assert.Equal(Math.Round(2 / 7.0, 4), after.Overall.Rate, 4);
        students = after.ByProfile.Single(p => p.Group == "Student");
        Assert.Equal((4, 1, 0.25), (students.Total, students.Active, students.Rate));
        var sixthA = after.ByClass.Single(c => c.Group == "6e A");
        Assert.Equal((2, 1, 1, 0.5), (sixthA.Total, sixthA.Active, sixthA.Pending, sixthA.Rate));
        var sixthB = after.ByClass.Single(c => c.Group == "6e B");
        Assert.Equal((2, 0, 0.0), (sixthB.Total, sixthB.Active, sixthB.Rate));
        Assert.Equal(before.ByProfile.Single(p => p.Group == "Parent"), after.ByProfile.Single(p => p.Group == "Parent"));

        // Codes past their 90 days count as expired.
        Factory.Time.Advance(TimeSpan.FromDays(91));
        var admin = Factory.CreateApiClient();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn("claire.martin", "Violette-2012"))).StatusCode);
        var later = await admin.GetOkAsync<ActivationStats>(Stats);
        Assert.Equal(5, later.Overall.ExpiredCodes);
    }

    [Fact]
    public async Task Block_EndsTheSessionAndSignIn_Unblock_LetsItSignInAgain()
    {
        await ImportSchoolAsync();
        var paul = Factory.CreateApiClient();
        await paul.ActivateAsync("paul.durand", _people["paul.durand"].ActivationCode!);
        Assert.Equal(HttpStatusCode.OK, (await paul.GetAsync("/api/account")).StatusCode);
        var block = $"/api/admin/accounts/{_people["paul.durand"].Id}/block";
        var unblock = $"/api/admin/accounts/{_people["paul.durand"].Id}/unblock";

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.Client.PostAsync(block, null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await paul.GetAsync("/api/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.TrySignInAsync("paul.durand", "Violette-2012")).Status);
        Assert.Equal(AccountStatus.Blocked, (await Factory.LoadAccountAsync(_people["paul.durand"].Id)).Status);
        await Http.AssertProblemAsync(await _admin.Client.PostAsync(block, null), HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.Client.PostAsync(unblock, null)).StatusCode);

        Assert.Equal((HttpStatusCode.OK, "signedIn"), await Factory.TrySignInAsync("paul.durand", "Violette-2012"));
        Assert.Equal(AccountStatus.Active, (await Factory.LoadAccountAsync(_people["paul.durand"].Id)).Status);
        await Http.AssertProblemAsync(await _admin.Client.PostAsync(unblock, null), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task BlockingAPendingAccount_RevokesItsCode_UnblockingNeedsANewOne()
    {
        await ImportSchoolAsync();
        var sophie = _people["sophie.martin"];

        Assert.Equal(HttpStatusCode.NoContent, (await _admin.Client.PostAsync($"/api/admin/accounts/{sophie.Id}/block", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.TrySignInAsync("sophie.martin", sophie.ActivationCode!)).Status);
        var code = Assert.Single((await Factory.LoadAccountAsync(sophie.Id)).ActivationCodes);
        Assert.Equal(Factory.Time.GetUtcNow(), code.RevokedAt);

        // Unblocked, the account is pending again but the revoked code stays dead: the school hands out a new one.
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.Client.PostAsync($"/api/admin/accounts/{sophie.Id}/unblock", null)).StatusCode);
        Assert.Equal(AccountStatus.Pending, (await Factory.LoadAccountAsync(sophie.Id)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.TrySignInAsync("sophie.martin", sophie.ActivationCode!)).Status);
        var reissued = await _admin.ReissueOkAsync(Ent77Factory.Uai, new { accountIds = new[] { sophie.Id }, onlyPending = true });
        Assert.Equal((HttpStatusCode.OK, "activationRequired"), await Factory.TrySignInAsync("sophie.martin", Assert.Single(reissued.Accounts).ActivationCode!));
    }

    [Fact]
    public async Task BlockingAnotherSchoolsAccount_Is403_AndChangesNothing()
    {
        await ImportSchoolAsync();
        var otherUai = AdminHelpers.UaiFor("0770002");
        var otherAdmin = await Factory.SignInAdministratorAsync(otherUai, "Pierre", "Fontaine");
        var jean = Factory.CreateApiClient();
        await jean.ActivateAsync("jean.dupont", _people["jean.dupont"].ActivationCode!);

        await Http.AssertProblemAsync(await otherAdmin.Client.PostAsync($"/api/admin/accounts/{_people["jean.dupont"].Id}/block", null), HttpStatusCode.Forbidden);
        await Http.AssertProblemAsync(await _admin.Client.PostAsync($"/api/admin/accounts/{otherAdmin.Id}/block", null), HttpStatusCode.Forbidden);

        Assert.Equal(HttpStatusCode.OK, (await jean.GetAsync("/api/account")).StatusCode);
        Assert.Equal(AccountStatus.Active, (await Factory.LoadAccountAsync(_people["jean.dupont"].Id)).Status);
        Assert.Equal(AccountStatus.Active, (await Factory.LoadAccountAsync(otherAdmin.Id)).Status);
        Assert.Equal(0, await Factory.CountAuditEventsAsync(AuditTypes.AccountBlocked));
    }

    [Fact]
    public async Task Audit_ListsImportReissueAndBlock_WithTheActor_AndNoSecret()
    {
        await ImportSchoolAsync();
        Factory.Time.Advance(TimeSpan.FromMinutes(5));
        var reissued = await _admin.ReissueOkAsync(Ent77Factory.Uai, new { accountIds = new[] { _people["sophie.martin"].Id }, onlyPending = true });
        Factory.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.NoContent, (await _admin.Client.PostAsync($"/api/admin/accounts/{_people["marc.martin"].Id}/block", null)).StatusCode);
        Factory.Time.Advance(TimeSpan.FromMinutes(5));

        // Another school's events stay out.
        var otherUai = AdminHelpers.UaiFor("0770002");
        var otherAdmin = await Factory.SignInAdministratorAsync(otherUai, "Pierre", "Fontaine");
        await otherAdmin.ImportOkAsync(otherUai, AdminHelpers.Roster(AdminHelpers.Row("Roux", "Léa", "Élève")));

        using var response = await _admin.Client.GetAsync(Audit);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var events = System.Text.Json.JsonSerializer.Deserialize<List<AuditEntry>>(text, AdminHelpers.Json)!;

        var import = Assert.Single(events, e => e.Type == AuditTypes.RosterImported);
        var reissue = Assert.Single(events, e => e.Type == AuditTypes.ActivationCodesReissued);
        var block = Assert.Single(events, e => e.Type == AuditTypes.AccountBlocked);
        Assert.All(new[] { import, reissue, block }, e => Assert.Equal((_admin.Id, "claire.martin"), (e.ActorAccountId, e.ActorIdentifier)));
        Assert.Equal((_people["marc.martin"].Id, "marc.martin"), (block.AccountId, block.AccountIdentifier));
        Assert.Contains("6", import.Details, StringComparison.Ordinal);
        Assert.True(block.OccurredAt > reissue.OccurredAt && reissue.OccurredAt > import.OccurredAt);
        Assert.Equal(events.OrderByDescending(e => e.OccurredAt).Select(e => e.OccurredAt), events.Select(e => e.OccurredAt)); // newest first
        Assert.DoesNotContain(events, e => e.AccountIdentifier == "lea.roux" || e.ActorIdentifier == "pierre.fontaine");

        // No code in the log, neither the first ones nor the re-issued one.
        foreach (var code in _people.Values.Select(p => p.ActivationCode!).Append(reissued.Accounts[0].ActivationCode!))
        {
            Assert.DoesNotContain(code, text, StringComparison.Ordinal);
            Assert.DoesNotContain(code.Replace("-", string.Empty, StringComparison.Ordinal), text, StringComparison.Ordinal);
        }

        // A period: only the events inside it.
        var from = Uri.EscapeDataString(reissue.OccurredAt.ToString("O"));
        var to = Uri.EscapeDataString(reissue.OccurredAt.AddMinutes(1).ToString("O"));
        var window = await _admin.Client.GetOkAsync<List<AuditEntry>>($"{Audit}?from={from}&to={to}");
        Assert.Equal([AuditTypes.ActivationCodeIssued, AuditTypes.ActivationCodesReissued], window.Select(e => e.Type).Order(StringComparer.Ordinal));
        Assert.Equal((_people["sophie.martin"].Id, "sophie.martin"), window.Single(e => e.Type == AuditTypes.ActivationCodeIssued) is var issued
            ? (issued.AccountId, issued.AccountIdentifier) : default);
        await Http.AssertProblemAsync(await _admin.Client.GetAsync($"{Audit}?from={to}&to={from}"), HttpStatusCode.BadRequest);
    }
}
