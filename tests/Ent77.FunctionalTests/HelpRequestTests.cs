using Ent77.Application.Administration.Access;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ent77.Application.Establishments.IssueAdministrator;
using Ent77.Domain.Accounts;
using Ent77.FunctionalTests.Infrastructure;
using Ent77.Infrastructure.Support;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.FunctionalTests;

/// <summary>docs/DOMAIN.md "Help requests": the form, its three messages, its lifecycle, its scope and its purge.</summary>
public sealed class HelpRequestTests : MailTest
{
    private const string Parent = "sophie.parent@example.fr";

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["RateLimits:Help:PermitLimit"] = "100000",
    };

    private static object Form(
        string? firstName = "Sophie", string? lastName = "Dupont", string? email = Parent, string? phone = null, string? uai = Ent77Factory.Uai,
        string? kind = "Activation", string? studentName = "helene dupont", string? className = "6e A",
        string? message = "Ma fille a perdu le courrier avec son code.", string? website = null) =>
        new { firstName, lastName, email, phone, uai, kind, studentName, className, message, website };

    private async Task<(HttpClient Client, string Identifier)> AdministratorAsync(string uai = Ent77Factory.Uai, string first = "Claire", string last = "Martin")
    {
        await Factory.EnsureEstablishmentAsync(uai, uai == Ent77Factory.Uai ? "Collège Les Tilleuls" : "Lycée Jacques Amyot");
        var issued = await Factory.WithScopeAsync(sp => sp.GetRequiredService<ISender>().Send(new IssueAdministratorCommand(Actor.Operator, uai, first, last)).AsTask());
        var client = Factory.CreateApiClient();
        (await client.PostAsJsonAsync("/api/activation", Requests.Activation(issued.Identifier, issued.ActivationCode, email: $"{issued.Identifier}@ecole.example"))).EnsureSuccessStatusCode();
        return (client, issued.Identifier);
    }

    private async Task<Guid> SubmitAsync(object? form = null)
    {
        var response = await Factory.CreateApiClient().PostAsJsonAsync("/api/help-requests", form ?? Form());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reference = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString()!;
        Assert.Matches("^AIDE-[0-9A-Z]{6}$", reference);
        return await Factory.WithDbAsync(db => db.HelpRequests.Where(r => r.Reference == reference).Select(r => r.Id.Value).SingleAsync());
    }

    private static string Path(Guid id, string action = "") => $"/api/admin/establishments/{Ent77Factory.Uai}/help-requests/{id}{action}";

    [Theory]
    [InlineData("firstName", "", "prénom")]
    [InlineData("lastName", "", "nom")]
    [InlineData("email", "pas-une-adresse", "e-mail n’est pas valide")]
    [InlineData("phone", "12ab", "téléphone n’est pas valide")]
    [InlineData("uai", "0770001H", "établissement dans la liste")]
    [InlineData("kind", null, "objet de la demande")]
    [InlineData("message", "", "Décrivez")]
    public async Task Submission_EachBadField_GetsItsFrenchMessage(string field, string? value, string expected)
    {
        await Factory.EnsureEstablishmentAsync();
        var form = JsonSerializer.SerializeToNode(Form())!.AsObject();
        form[field] = value;

        var response = await Factory.CreateApiClient().PostAsJsonAsync("/api/help-requests", form);

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = Http.Errors(problem);
        Assert.Contains(errors[field], m => m.Contains(expected, StringComparison.Ordinal));
        Assert.Equal(0, await Factory.WithDbAsync(db => db.HelpRequests.CountAsync()));
    }

    [Fact]
    public async Task Submission_IsAuditedOnce_WithItsReferenceAndSchool_AndNothingTheVisitorTyped()
    {
        var school = await Factory.EnsureEstablishmentAsync();

        var id = await SubmitAsync();

        var reference = await Factory.WithDbAsync(db => db.HelpRequests.Where(r => r.Id == new Ent77.Domain.Support.HelpRequestId(id)).Select(r => r.Reference).SingleAsync());
        var rows = await Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Type == Ent77.Domain.Auditing.AuditTypes.HelpRequestSubmitted)
            .Select(e => new { e.AccountId, e.EstablishmentId, e.ActorAccountId, e.Details })
            .ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal(((Guid?)null, school.Value, (Guid?)null, reference), (row.AccountId, row.EstablishmentId!.Value, row.ActorAccountId, row.Details));
    }

    [Fact]
    public async Task Submission_NeedsAnEmailOrAPhone_AndAcceptsAPhoneAlone()
    {
        await Factory.EnsureEstablishmentAsync();
        var none = await Factory.CreateApiClient().PostAsJsonAsync("/api/help-requests", Form(email: null, phone: null));
        Assert.Contains("email", Http.Errors(await Http.AssertProblemAsync(none, HttpStatusCode.BadRequest)).Keys);

        await SubmitAsync(Form(email: null, phone: "01 64 12 34 56"));
        var stored = await Factory.WithDbAsync(db => db.HelpRequests.AsNoTracking().SingleAsync());
        Assert.Equal("+33164123456", stored.Requester.Phone);
    }

    [Fact]
    public async Task Submission_WithATooLongMessage_IsRefused()
    {
        await Factory.EnsureEstablishmentAsync();
        var response = await Factory.CreateApiClient().PostAsJsonAsync("/api/help-requests", Form(message: new string('a', 2001)));
        Assert.Contains("message", Http.Errors(await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest)).Keys);
    }

    [Fact]
    public async Task Honeypot_LooksAccepted_ButNothingIsStoredOrSent()
    {
        await AdministratorAsync();

        var response = await Factory.CreateApiClient().PostAsJsonAsync("/api/help-requests", Form(website: "http://spam.example"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Matches("^AIDE-[0-9A-Z]{6}$", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reference").GetString());
        Assert.Equal(0, await Factory.WithDbAsync(db => db.HelpRequests.CountAsync()));
        await QuietPeriod();
        Assert.Empty(Smtp.To(Parent));
    }

    [Fact]
    public async Task TheThreeMessages_ReachTheRelay()
    {
        var (admin, adminIdentifier) = await AdministratorAsync();
        var id = await SubmitAsync();

        var acknowledgement = Assert.Single(await Smtp.WaitForAsync(Parent));
        Assert.StartsWith("ENT 77 : votre demande d’aide AIDE-", acknowledgement.Subject, StringComparison.Ordinal);
        var notification = (await Smtp.WaitForAsync($"{adminIdentifier}@ecole.example", 2)).Single(m => m.Subject!.Contains("nouvelle demande", StringComparison.Ordinal));
        Assert.Contains("Sophie Dupont", notification.TextBody, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(Path(id, "/start"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync(Path(id, "/resolve"), new { note = "Un nouveau code vous a été remis." })).StatusCode);

        var outcome = (await Smtp.WaitForAsync(Parent, 2)).Single(m => m.Subject!.Contains("réponse", StringComparison.Ordinal));
        Assert.Contains("Un nouveau code vous a été remis.", outcome.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAcknowledgement_IsCappedAtThreeADayPerAddress_AndEchoesNothingTyped()
    {
        await Factory.EnsureEstablishmentAsync();
        var spam = "Gagnez un iPhone sur http://arnaque.example";
        string[] spellings = [Parent, "Sophie.Parent@example.fr", "SOPHIE.PARENT@EXAMPLE.FR", Parent];
        foreach (var address in spellings)
        {
            await SubmitAsync(Form(firstName: spam, email: address, message: spam));
        }

        await Smtp.WaitForAsync(Parent, 3);
        await QuietPeriod();
        var acknowledgements = Smtp.Messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, Parent, StringComparison.OrdinalIgnoreCase))).ToList();
        Assert.Equal(3, acknowledgements.Count);
        Assert.Equal(4, await Factory.WithDbAsync(db => db.HelpRequests.CountAsync()));
        foreach (var message in acknowledgements)
        {
            Assert.DoesNotContain("iPhone", message.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("iPhone", message.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain("iPhone", message.Subject, StringComparison.Ordinal);
            Assert.Contains("Collège Les Tilleuls", message.TextBody, StringComparison.Ordinal);
            Assert.StartsWith("Bonjour,", message.TextBody, StringComparison.Ordinal);
        }

        // A day later the address may be acknowledged again.
        Factory.Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        await SubmitAsync(Form(email: Parent));
        await Smtp.WaitForAsync(Parent, 4);
    }

    [Fact]
    public async Task Transitions_AllowedAndForbidden()
    {
        var (admin, _) = await AdministratorAsync();
        var first = await SubmitAsync();
        var second = await SubmitAsync();

        await Http.AssertProblemAsync(await admin.PostAsJsonAsync(Path(first, "/resolve"), new { note = "trop tôt" }), HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(Path(first, "/start"), null)).StatusCode);
        await Http.AssertProblemAsync(await admin.PostAsync(Path(first, "/start"), null), HttpStatusCode.Conflict);
        var noNote = await admin.PostAsJsonAsync(Path(first, "/resolve"), new { note = "  " });
        Assert.Contains("note", Http.Errors(await Http.AssertProblemAsync(noNote, HttpStatusCode.BadRequest)).Keys);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync(Path(first, "/resolve"), new { note = "Code réémis." })).StatusCode);
        await Http.AssertProblemAsync(await admin.PostAsJsonAsync(Path(first, "/reject"), new { note = "non" }), HttpStatusCode.Conflict);
        await Http.AssertProblemAsync(await admin.PostAsync(Path(first, "/start"), null), HttpStatusCode.Conflict);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync(Path(second, "/start"), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsJsonAsync(Path(second, "/reject"), new { note = "Demande en double." })).StatusCode);

        var list = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/establishments/{Ent77Factory.Uai}/help-requests");
        Assert.Equal(["Resolved", "Rejected"], list.EnumerateArray().Select(r => r.GetProperty("status").GetString()).Order().Reverse().ToArray());
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/establishments/{Ent77Factory.Uai}/audit");
        Assert.Contains(audit.EnumerateArray(), e => e.GetProperty("type").GetString() == "help-request.resolved" && e.GetProperty("actorIdentifier").GetString() == "claire.martin");
    }

    [Fact]
    public async Task List_ShowsOpenRequestsFirst_OldestFirst_AndFilters()
    {
        var (admin, _) = await AdministratorAsync();
        var older = await SubmitAsync();
        Factory.Time.Advance(TimeSpan.FromMinutes(5));
        var started = await SubmitAsync(Form(kind: "LostPassword"));
        Factory.Time.Advance(TimeSpan.FromMinutes(5));
        var newer = await SubmitAsync();
        await admin.PostAsync(Path(started, "/start"), null);

        var all = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/establishments/{Ent77Factory.Uai}/help-requests");
        Assert.Equal([older, newer, started], all.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToArray());
        var lost = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/establishments/{Ent77Factory.Uai}/help-requests?kind=LostPassword");
        Assert.Equal([started], lost.EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToArray());
        var open = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/establishments/{Ent77Factory.Uai}/help-requests?status=Open");
        Assert.Equal(2, open.GetArrayLength());
    }

    [Fact]
    public async Task Detail_SuggestsMatchingAccounts_IgnoringCaseAndAccents()
    {
        var (admin, _) = await AdministratorAsync();
        var helene = await Factory.CreatePendingAccountAsync("Hélène", "Dupont");
        await Factory.CreatePendingAccountAsync("Lucas", "Moreau");
        var id = await SubmitAsync(Form(studentName: "helene DUPONT"));

        var detail = await admin.GetFromJsonAsync<JsonElement>(Path(id));

        var suggestion = Assert.Single(detail.GetProperty("suggestions").EnumerateArray(), s => s.GetProperty("identifier").GetString() == "helene.dupont");
        Assert.Equal(helene.Id, suggestion.GetProperty("id").GetGuid());
        Assert.Equal("Pending", suggestion.GetProperty("status").GetString());
        Assert.DoesNotContain(detail.GetProperty("suggestions").EnumerateArray(), s => s.GetProperty("identifier").GetString() == "lucas.moreau");
        Assert.Equal("Ma fille a perdu le courrier avec son code.", detail.GetProperty("message").GetString());
    }

    [Fact]
    public async Task AnotherSchoolsAdministrator_CanNeitherListReadNorChange()
    {
        await AdministratorAsync();
        var (other, _) = await AdministratorAsync("0770001H", "Paul", "Girard");
        var id = await SubmitAsync();

        await Http.AssertProblemAsync(await other.GetAsync($"/api/admin/establishments/{Ent77Factory.Uai}/help-requests"), HttpStatusCode.Forbidden);
        await Http.AssertProblemAsync(await other.GetAsync(Path(id)), HttpStatusCode.Forbidden);
        await Http.AssertProblemAsync(await other.PostAsync(Path(id, "/start"), null), HttpStatusCode.Forbidden);
        // Through their own school's path, the request does not exist for them.
        await Http.AssertProblemAsync(await other.GetAsync($"/api/admin/establishments/0770001H/help-requests/{id}"), HttpStatusCode.NotFound);
        await Http.AssertProblemAsync(await other.PostAsync($"/api/admin/establishments/0770001H/help-requests/{id}/start", null), HttpStatusCode.NotFound);
        Assert.Equal("Open", (await Factory.WithDbAsync(db => db.HelpRequests.AsNoTracking().SingleAsync())).Status.ToString());
    }

    [Fact]
    public async Task Purge_RemovesOnlyClosedRequestsOlderThanTheLimit()
    {
        var (admin, _) = await AdministratorAsync();
        var oldClosed = await SubmitAsync();
        var oldOpen = await SubmitAsync();
        await admin.PostAsync(Path(oldClosed, "/start"), null);
        await admin.PostAsJsonAsync(Path(oldClosed, "/resolve"), new { note = "Fait." });
        Factory.Time.Advance(TimeSpan.FromDays(300));
        var recentClosed = await SubmitAsync();
        await admin.PostAsync(Path(recentClosed, "/start"), null);
        await admin.PostAsJsonAsync(Path(recentClosed, "/reject"), new { note = "Doublon." });
        Factory.Time.Advance(TimeSpan.FromDays(66));

        var purged = await Factory.WithScopeAsync(sp => sp.GetRequiredService<HelpRequestPurgeJob>().RunAsync(default));

        Assert.Equal(1, purged);
        var left = await Factory.WithDbAsync(db => db.HelpRequests.Select(r => r.Id.Value).ToListAsync());
        Assert.Equal(new[] { oldOpen, recentClosed }.Order(), left.Order());
        Assert.Equal(1, await Factory.CountAuditEventsAsync(Ent77.Domain.Auditing.AuditTypes.HelpRequestsPurged));
    }
}

public sealed class HelpRequestRateLimitTests : FunctionalTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:Help:PermitLimit"] = "2" };

    [Fact]
    public async Task TheThirdSubmission_Gets429()
    {
        await Factory.EnsureEstablishmentAsync();
        var client = Factory.CreateApiClient();
        var form = new { firstName = "Sophie", lastName = "Dupont", email = "s@example.fr", uai = Ent77Factory.Uai, kind = "Other", message = "Bonjour" };
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/help-requests", form)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/help-requests", form)).StatusCode);

        var limited = await client.PostAsJsonAsync("/api/help-requests", form);

        await Http.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.Contains("Retry-After"));
    }
}

public sealed class HelpRequestAllErrorsTests : FunctionalTest
{
    [Fact]
    public async Task AnEmptyForm_GetsEveryFieldErrorAtOnce()
    {
        var response = await Factory.CreateApiClient().PostAsJsonAsync("/api/help-requests", new { });

        var errors = Http.Errors(await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest));
        Assert.Superset(new HashSet<string> { "firstName", "lastName", "email", "uai", "kind", "message" }, errors.Keys.ToHashSet());
    }
}
