using System.Net;
using Ent77.Domain.Accounts;
using Ent77.FunctionalTests.Infrastructure;
using Ent77.Infrastructure.Accounts;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.FunctionalTests;

/// <summary>
/// The Hangfire dashboard at /hangfire: its pages and its actions are the PlatformAdmin's only (anonymous 401, every
/// other account 403, a school administrator included), and an action needs <c>X-Requested-With</c> like any unsafe
/// request of the API, so a cross-site form cannot trigger or delete jobs.
/// </summary>
public sealed class JobsDashboardTests : FunctionalTest
{
    private static readonly string[] Pages = ["/hangfire", "/hangfire/recurring", "/hangfire/jobs/enqueued", "/hangfire/servers"];

    [Fact]
    public async Task PagesAndActions_ArePlatformAdminOnly()
    {
        await Factory.EnsureEstablishmentAsync();
        var platformAdmin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Yves", "Carpentier", platformAdmin: true);
        var denied = new (string Name, HttpClient Client, HttpStatusCode Status)[]
        {
            ("anonymous", Factory.CreateApiClient(), HttpStatusCode.Unauthorized),
            ("student", (await Factory.SignInMemberAsync(Profile.Student, "Lucas", "Bernard")).Client, HttpStatusCode.Forbidden),
            ("school administrator", (await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin")).Client, HttpStatusCode.Forbidden),
        };

        var failures = new List<string>();
        foreach (var (name, client, status) in denied)
        {
            foreach (var page in Pages)
            {
                using var response = await client.GetAsync(page);
                if (response.StatusCode != status)
                {
                    failures.Add($"GET {page} as {name}: {(int)response.StatusCode}");
                }
            }

            using var trigger = await client.SendAsync(Trigger());
            if (trigger.StatusCode != status)
            {
                failures.Add($"trigger as {name}: {(int)trigger.StatusCode}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(0, PurgeRuns());
        foreach (var page in Pages)
        {
            using var response = await platformAdmin.Client.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {page} as the PlatformAdmin: {(int)response.StatusCode}");
        }

        var home = await platformAdmin.Client.GetStringAsync("/hangfire");
        Assert.Contains("ENT 77 — tâches", home, StringComparison.Ordinal);
        using var triggered = await platformAdmin.Client.SendAsync(Trigger());
        Assert.Equal(HttpStatusCode.NoContent, triggered.StatusCode);
        Assert.Equal(1, PurgeRuns());
    }

    [Fact]
    public async Task AnActionWithoutTheHeader_IsRefused_EvenForThePlatformAdmin()
    {
        await Factory.EnsureEstablishmentAsync();
        var platformAdmin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Yves", "Carpentier", platformAdmin: true);
        var request = Trigger();
        request.Headers.Remove("X-Requested-With");
        platformAdmin.Client.DefaultRequestHeaders.Remove("X-Requested-With");

        using var response = await platformAdmin.Client.SendAsync(request);

        await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest, "En-tête manquant.");
        Assert.Equal(0, PurgeRuns());
    }

    /// <summary>« Déclencher » on the recurring session purge, as the dashboard's script posts it.</summary>
    private static HttpRequestMessage Trigger() =>
        new(HttpMethod.Post, "/hangfire/recurring/trigger")
        {
            Content = new FormUrlEncodedContent([new KeyValuePair<string, string>("jobs[]", SessionPurgeJob.RecurringJobId)]),
        };

    /// <summary>How many times the purge was started (each trigger enqueues one job).</summary>
    private int PurgeRuns()
    {
        using var connection = Factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = connection.GetAllEntriesFromHash($"recurring-job:{SessionPurgeJob.RecurringJobId}");
        return job is not null && job.TryGetValue("LastJobId", out var last) && !string.IsNullOrEmpty(last) ? 1 : 0;
    }
}
