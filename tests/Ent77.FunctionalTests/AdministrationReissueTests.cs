using System.Net;
using System.Text;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts;
using Ent77.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.FunctionalTests;

/// <summary>Re-issued codes (<c>POST …/activation-codes</c>): the old code dies, the new one activates; active accounts are left alone.</summary>
public sealed class AdministrationReissueTests : FunctionalTest
{
    private Member _admin = null!;
    private Dictionary<string, IssuedCode> _people = null!;

    private async Task ImportClassAsync() =>
        (_admin, _people) = await Factory.ImportSchoolAsync(
            AdminHelpers.Row("Dupont", "Hélène", "Élève", "6e A"),
            AdminHelpers.Row("Martin", "Paul", "Élève", "6e A"),
            AdminHelpers.Row("Durand", "Luc", "Élève", "6e B"),
            AdminHelpers.Row("Nœl", "François", "Parent"),
            AdminHelpers.Row("Petit", "Anne", "Enseignant"));

    [Fact]
    public async Task ByAccountIds_OldCodeIsDead_NewCodeActivates()
    {
        await ImportClassAsync();
        var paul = _people["paul.martin"];

        var batch = await _admin.ReissueOkAsync(Ent77Factory.Uai, new { accountIds = new[] { paul.Id }, onlyPending = true });

        var reissued = Assert.Single(batch.Accounts);
        Assert.Equal((paul.Id, "paul.martin"), (reissued.Id, reissued.Identifier));
        Assert.NotEqual(paul.ActivationCode, reissued.ActivationCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.TrySignInAsync("paul.martin", paul.ActivationCode!)).Status);
        Assert.Equal((HttpStatusCode.OK, "activationRequired"), await Factory.TrySignInAsync("paul.martin", reissued.ActivationCode!));
        var client = Factory.CreateApiClient();
        await client.ActivateAsync("paul.martin", reissued.ActivationCode!);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account")).StatusCode);

        // One live code per account, the others revoked; the other people keep theirs.
        var account = await Factory.LoadAccountAsync(paul.Id);
        Assert.Equal(2, account.ActivationCodes.Count);
        Assert.Equal(AccountStatus.Active, account.Status);
        Assert.Equal((HttpStatusCode.OK, "activationRequired"), await Factory.TrySignInAsync("helene.dupont", _people["helene.dupont"].ActivationCode!));
    }

    [Fact]
    public async Task ByClass_OnlyThatClassesPendingAccounts()
    {
        await ImportClassAsync();
        var client = Factory.CreateApiClient();
        await client.ActivateAsync("helene.dupont", _people["helene.dupont"].ActivationCode!);

        var batch = await _admin.ReissueOkAsync(Ent77Factory.Uai, new { className = "6e A", onlyPending = true });

        // Hélène is active: no code for her. Paul gets a new one; 6e B keeps its code.
        var reissued = Assert.Single(batch.Accounts);
        Assert.Equal("paul.martin", reissued.Identifier);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.TrySignInAsync("paul.martin", _people["paul.martin"].ActivationCode!)).Status);
        Assert.Equal((HttpStatusCode.OK, "activationRequired"), await Factory.TrySignInAsync("paul.martin", reissued.ActivationCode!));
        Assert.Equal((HttpStatusCode.OK, "activationRequired"), await Factory.TrySignInAsync("luc.durand", _people["luc.durand"].ActivationCode!));
        Assert.Equal((HttpStatusCode.OK, "signedIn"), await Factory.TrySignInAsync("helene.dupont", "Violette-2012"));
        await Factory.CreateApiClient().ActivateAsync("paul.martin", reissued.ActivationCode!);
    }

    [Fact]
    public async Task ByProfile_AsCsvAndPdf_TheLastIssuedCodeIsTheLiveOne()
    {
        await ImportClassAsync();
        var hasher = Factory.Services.GetRequiredService<IActivationCodeHasher>();

        var json = await _admin.ReissueOkAsync(Ent77Factory.Uai, new { profile = "Parent", onlyPending = true });
        Assert.Equal("francois.noel", Assert.Single(json.Accounts).Identifier);

        using var csvResponse = await _admin.Client.ReissueAsync(Ent77Factory.Uai, new { profile = "Parent", onlyPending = true }, "format=csv");
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType?.MediaType);
        var records = AdminHelpers.ParseCsv(Encoding.UTF8.GetString(await csvResponse.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF'));
        Assert.Equal(2, records.Count);
        var csvCode = records[1][1];
        Assert.Equal(("francois.noel", "Responsable légal"), (records[1][0], records[1][5]));

        var noel = (await Factory.LoadAccountsAsync(Ent77Factory.Uai)).Values.Single(a => a.Identifier.Value == "francois.noel");
        Assert.True(Factory.IsLiveCodeOf(noel, csvCode, hasher));
        Assert.False(Factory.IsLiveCodeOf(noel, json.Accounts[0].ActivationCode, hasher));
        Assert.False(Factory.IsLiveCodeOf(noel, _people["francois.noel"].ActivationCode, hasher));
        Assert.Single(noel.ActivationCodes, c => c.IsLive(Factory.Time.GetUtcNow()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.TrySignInAsync("francois.noel", _people["francois.noel"].ActivationCode!)).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.TrySignInAsync("francois.noel", json.Accounts[0].ActivationCode!)).Status);
        Assert.Equal((HttpStatusCode.OK, "activationRequired"), await Factory.TrySignInAsync("francois.noel", csvCode));
        await Factory.CreateApiClient().ActivateAsync("francois.noel", csvCode);

        using var pdfResponse = await _admin.Client.ReissueAsync(Ent77Factory.Uai, new { profile = "Teacher", onlyPending = true }, "format=pdf");
        Assert.Equal("application/pdf", pdfResponse.Content.Headers.ContentType?.MediaType);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await pdfResponse.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, pdf.NumberOfPages);
        Assert.Contains("anne.petit", pdf.GetPage(1).Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Factory.TrySignInAsync("anne.petit", _people["anne.petit"].ActivationCode!)).Status);
    }

    [Fact]
    public async Task WithoutFilter_EveryPendingAccountOfTheSchool_NotOtherSchools()
    {
        await ImportClassAsync();
        var otherUai = AdminHelpers.UaiFor("0770002");
        var otherAdmin = await Factory.SignInAdministratorAsync(otherUai, "Pierre", "Fontaine");
        var other = await otherAdmin.ImportOkAsync(otherUai, AdminHelpers.Roster(AdminHelpers.Row("Roux", "Léa", "Élève")));

        // An id of another school is ignored, not re-issued.
        var batch = await _admin.ReissueOkAsync(Ent77Factory.Uai, new { accountIds = new[] { other.Accounts[0].Id, _people["luc.durand"].Id }, onlyPending = true });
        Assert.Equal(["luc.durand"], batch.Accounts.Select(a => a.Identifier));
        Assert.Equal((HttpStatusCode.OK, "activationRequired"), await Factory.TrySignInAsync("lea.roux", other.Accounts[0].ActivationCode!));

        var all = await _admin.ReissueOkAsync(Ent77Factory.Uai, new { onlyPending = true });
        Assert.Equal(
            ["anne.petit", "francois.noel", "helene.dupont", "luc.durand", "paul.martin"],
            all.Accounts.Select(a => a.Identifier).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(all.Accounts, a => a.Identifier is "claire.martin" or "lea.roux");
    }
}
