using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ent77.Domain.Accounts;
using Ent77.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.FunctionalTests;

/// <summary>
/// Who may call which administration endpoint (docs/API.md "Administration"): the list of endpoints comes from the
/// running service, so a new <c>/api/admin</c> endpoint cannot escape the matrix: without a sample request here,
/// the test fails.
/// </summary>
public sealed class AdministrationAccessTests : FunctionalTest
{
    private static readonly string OtherUai = AdminHelpers.UaiFor("0770002");
    private static readonly string PlatformUai = AdminHelpers.UaiFor("0770003");
    private static readonly string NewUai = AdminHelpers.UaiFor("0770004");

    /// <summary>One sample request per endpoint, keyed by <c>METHOD route-pattern</c>.</summary>
    private static readonly Dictionary<string, Sample> Samples = new(StringComparer.Ordinal)
    {
        ["POST /api/admin/establishments"] = new(PlatformAdminOnly: true, c =>
            Json(HttpMethod.Post, "/api/admin/establishments", new { uai = NewUai, name = "Lycée Uruguay France", city = "Avon" })),
        ["POST /api/admin/establishments/{uai}/administrators"] = new(PlatformAdminOnly: true, c =>
            Json(HttpMethod.Post, $"/api/admin/establishments/{c.Uai}/administrators", new { firstName = "Odile", lastName = "Vasseur" })),
        ["POST /api/admin/establishments/{uai}/imports"] = new(PlatformAdminOnly: false, c =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/admin/establishments/{c.Uai}/imports?format=json")
            {
                Content = new StringContent("Nom;Prénom;Profil\r\nLefèvre;Inès;Élève\r\n", Encoding.UTF8, "text/csv"),
            }),
        ["POST /api/admin/establishments/{uai}/activation-codes"] = new(PlatformAdminOnly: false, c =>
            Json(HttpMethod.Post, $"/api/admin/establishments/{c.Uai}/activation-codes", new { accountIds = new[] { c.TargetId }, onlyPending = true })),
        ["GET /api/admin/establishments/{uai}/accounts"] = new(PlatformAdminOnly: false, c =>
            new HttpRequestMessage(HttpMethod.Get, $"/api/admin/establishments/{c.Uai}/accounts?status=Pending&page=1&pageSize=10")),
        ["GET /api/admin/establishments/{uai}/activation-stats"] = new(PlatformAdminOnly: false, c =>
            new HttpRequestMessage(HttpMethod.Get, $"/api/admin/establishments/{c.Uai}/activation-stats")),
        ["GET /api/admin/establishments/{uai}/audit"] = new(PlatformAdminOnly: false, c =>
            new HttpRequestMessage(HttpMethod.Get, $"/api/admin/establishments/{c.Uai}/audit")),
        // Block comes before unblock (the endpoints are run in route order), so each allowed actor does both.
        ["POST /api/admin/accounts/{id:guid}/block"] = new(PlatformAdminOnly: false, c =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/admin/accounts/{c.TargetId}/block")),
        ["POST /api/admin/accounts/{id:guid}/unblock"] = new(PlatformAdminOnly: false, c =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/admin/accounts/{c.TargetId}/unblock")),
        ["GET /api/admin/establishments/{uai}/help-requests/"] = new(PlatformAdminOnly: false, c =>
            new HttpRequestMessage(HttpMethod.Get, $"/api/admin/establishments/{c.Uai}/help-requests?status=Open")),
        ["GET /api/admin/establishments/{uai}/help-requests/{id:guid}"] = new(PlatformAdminOnly: false, c =>
            new HttpRequestMessage(HttpMethod.Get, $"/api/admin/establishments/{c.Uai}/help-requests/{c.OpenRequestId}")),
        ["POST /api/admin/establishments/{uai}/help-requests/{id:guid}/start"] = new(PlatformAdminOnly: false, c =>
            new HttpRequestMessage(HttpMethod.Post, $"/api/admin/establishments/{c.Uai}/help-requests/{c.OpenRequestId}/start")),
        ["POST /api/admin/establishments/{uai}/help-requests/{id:guid}/resolve"] = new(PlatformAdminOnly: false, c =>
            Json(HttpMethod.Post, $"/api/admin/establishments/{c.Uai}/help-requests/{c.StartedRequestIds[0]}/resolve", new { note = "Nouveau courrier remis à l'élève." })),
        ["POST /api/admin/establishments/{uai}/help-requests/{id:guid}/reject"] = new(PlatformAdminOnly: false, c =>
            Json(HttpMethod.Post, $"/api/admin/establishments/{c.Uai}/help-requests/{c.StartedRequestIds[1]}/reject", new { note = "Demande en double." })),
    };

    [Fact]
    public async Task EveryAdminEndpoint_Anonymous401_Members403_OtherSchoolAdmin403_SchoolAdminAndPlatformAdminAllowed()
    {
        var endpoints = AdminEndpoints();
        Assert.True(endpoints.Count >= 9, $"Only {endpoints.Count} /api/admin endpoints found: {string.Join(", ", endpoints)}");
        var missing = endpoints.Where(e => !Samples.ContainsKey(e)).ToList();
        Assert.True(missing.Count == 0, $"no sample for {string.Join(", ", missing)}: add one to {nameof(AdministrationAccessTests)}.{nameof(Samples)}.");
        var stale = Samples.Keys.Where(k => !endpoints.Contains(k)).ToList();
        Assert.True(stale.Count == 0, $"samples for endpoints that do not exist: {string.Join(", ", stale)}");

        await Factory.EnsureEstablishmentAsync();
        var target = await Factory.CreatePendingAccountAsync("Théo", "Garnier");
        var denied = new List<(string Name, HttpClient Client, HttpStatusCode Status)>
        {
            ("anonymous", Factory.CreateApiClient(), HttpStatusCode.Unauthorized),
            ("student", (await Factory.SignInMemberAsync(Profile.Student, "Lucas", "Bernard")).Client, HttpStatusCode.Forbidden),
            ("parent", (await Factory.SignInMemberAsync(Profile.Parent, "Nadia", "Benali")).Client, HttpStatusCode.Forbidden),
            ("teacher", (await Factory.SignInMemberAsync(Profile.Teacher, "Marc", "Lemoine")).Client, HttpStatusCode.Forbidden),
            ("staff", (await Factory.SignInMemberAsync(Profile.Staff, "Agnès", "Roux")).Client, HttpStatusCode.Forbidden),
            ("administrator of another school", (await Factory.SignInAdministratorAsync(OtherUai, "Pierre", "Fontaine")).Client, HttpStatusCode.Forbidden),
        };
        var schoolAdmin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        var platformAdmin = await Factory.SignInAdministratorAsync(PlatformUai, "Yves", "Carpentier", platformAdmin: true);

        var context = await NewContextAsync(target.Id, schoolAdmin.Client);
        var before = await Factory.CountStoredAsync();
        var requestsBefore = await HelpRequestStatusesAsync();
        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            foreach (var (name, client, expected) in denied)
            {
                using var response = await client.SendAsync(Samples[endpoint].Build(context));
                if (response.StatusCode != expected || response.Content.Headers.ContentType?.MediaType != Http.ProblemJson)
                {
                    failures.Add($"{endpoint} as {name}: expected {(int)expected} problem, got {(int)response.StatusCode} {response.Content.Headers.ContentType}");
                }
            }
        }

        // Nothing the refused requests asked for happened.
        Assert.Equal(before, await Factory.CountStoredAsync());
        Assert.Equal(AccountStatus.Pending, (await Factory.LoadAccountAsync(target.Id)).Status);
        Assert.Equal(requestsBefore, await HelpRequestStatusesAsync());

        foreach (var (name, actor, isPlatformAdmin) in new[] { ("school administrator", schoolAdmin, false), ("PlatformAdmin", platformAdmin, true) })
        {
            context = await NewContextAsync(target.Id, schoolAdmin.Client);
            foreach (var endpoint in endpoints)
            {
                var sample = Samples[endpoint];
                using var response = await actor.Client.SendAsync(sample.Build(context));
                var allowed = isPlatformAdmin || !sample.PlatformAdminOnly;
                var ok = allowed ? response.IsSuccessStatusCode : response.StatusCode == HttpStatusCode.Forbidden;
                if (!ok)
                {
                    failures.Add($"{endpoint} as {name}: expected {(allowed ? "2xx" : "403")}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(AccountStatus.Pending, (await Factory.LoadAccountAsync(target.Id)).Status);
    }

    [Fact]
    public async Task UnknownSchool_IsTheSame403ForOthers_AndA404OnlyForThePlatformAdmin()
    {
        var student = await Factory.SignInMemberAsync(Profile.Student, "Lucas", "Bernard");
        var admin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        var platformAdmin = await Factory.SignInAdministratorAsync(PlatformUai, "Yves", "Carpentier", platformAdmin: true);
        var unknown = AdminHelpers.UaiFor("0779999");

        foreach (var client in new[] { student.Client, admin.Client })
        {
            var existing = await client.GetAsync($"/api/admin/establishments/{PlatformUai}/accounts");
            var missing = await client.GetAsync($"/api/admin/establishments/{unknown}/accounts");
            var malformed = await client.GetAsync("/api/admin/establishments/pas-un-uai/accounts");
            Assert.Equal(HttpStatusCode.Forbidden, existing.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, malformed.StatusCode);
            Assert.Equal(await Body(existing), await Body(missing));

            // An account id that does not exist, or of another school: the same 403.
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/admin/accounts/{Guid.NewGuid()}/block", null)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync($"/api/admin/accounts/{platformAdmin.Id}/block", null)).StatusCode);
        }

        await Http.AssertProblemAsync(await platformAdmin.Client.GetAsync($"/api/admin/establishments/{unknown}/accounts"), HttpStatusCode.NotFound);
        await Http.AssertProblemAsync(await platformAdmin.Client.PostAsync($"/api/admin/accounts/{Guid.NewGuid()}/block", null), HttpStatusCode.NotFound);
        Assert.Equal(AccountStatus.Active, (await Factory.LoadAccountAsync(platformAdmin.Id)).Status);

        static async Task<string> Body(HttpResponseMessage response)
        {
            var text = await response.Content.ReadAsStringAsync();
            // The trace id differs from one answer to the next; nothing else may.
            return System.Text.RegularExpressions.Regex.Replace(text, "\"traceId\":\"[^\"]*\"", string.Empty);
        }
    }

    [Fact]
    public async Task BlockedAdministrator_LosesAccessAtOnce()
    {
        var admin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        var platformAdmin = await Factory.SignInAdministratorAsync(PlatformUai, "Yves", "Carpentier", platformAdmin: true);
        var path = $"/api/admin/establishments/{Ent77Factory.Uai}/activation-stats";
        Assert.Equal(HttpStatusCode.OK, (await admin.Client.GetAsync(path)).StatusCode);

        // Blocked by the platform: its open session ends.
        Assert.Equal(HttpStatusCode.NoContent, (await platformAdmin.Client.PostAsync($"/api/admin/accounts/{admin.Id}/block", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.Client.GetAsync(path)).StatusCode);
    }

    /// <summary><c>METHOD pattern</c> of every endpoint under /api/admin, in route order.</summary>
    private List<string> AdminEndpoints() =>
        Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/admin", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => $"{method} /{e.RoutePattern.RawText!.TrimStart('/')}"))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The school's test data for one actor: an open help request and two taken in hand (each sample changes its own).</summary>
    private async Task<SampleContext> NewContextAsync(Guid targetId, HttpClient schoolAdmin)
    {
        var open = await SubmitHelpRequestAsync();
        var started = new[] { await SubmitHelpRequestAsync(), await SubmitHelpRequestAsync() };
        foreach (var id in started)
        {
            Assert.Equal(HttpStatusCode.NoContent, (await schoolAdmin.PostAsync($"/api/admin/establishments/{Ent77Factory.Uai}/help-requests/{id}/start", null)).StatusCode);
        }

        return new SampleContext(Ent77Factory.Uai, targetId, open, started);
    }

    private async Task<Guid> SubmitHelpRequestAsync()
    {
        using var response = await Factory.CreateApiClient().PostAsJsonAsync("/api/help-requests", new
        {
            firstName = "Sophie", lastName = "Garnier", email = "sophie.garnier@example.fr", phone = (string?)null, uai = Ent77Factory.Uai,
            kind = "Activation", studentName = "Théo Garnier", className = "6e A", message = "Mon fils a perdu son courrier.", website = (string?)null,
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var reference = (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("reference").GetString();
        return await Factory.WithDbAsync(db => db.HelpRequests.Where(r => r.Reference == reference).Select(r => r.Id.Value).SingleAsync());
    }

    private Task<List<string>> HelpRequestStatusesAsync() =>
        Factory.WithDbAsync(db => db.HelpRequests.OrderBy(r => r.Reference).Select(r => r.Reference + ":" + r.Status).ToListAsync());

    private static HttpRequestMessage Json(HttpMethod method, string path, object body) =>
        new(method, path) { Content = JsonContent.Create(body) };

    private sealed record SampleContext(string Uai, Guid TargetId, Guid OpenRequestId, IReadOnlyList<Guid> StartedRequestIds);

    private sealed record Sample(bool PlatformAdminOnly, Func<SampleContext, HttpRequestMessage> Build);
}
