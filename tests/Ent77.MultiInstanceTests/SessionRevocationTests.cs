using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ent77.TestSupport;

namespace Ent77.MultiInstanceTests;

/// <summary>
/// Sessions ended on one instance are refused by every other at its next request, though each instance answers the
/// session check from memory (docs/PERFORMANCE.md "Session check"): the database notifies every revocation in the
/// transaction that makes it, each instance's listener drops what is named, and an instance whose listener is cut
/// reads the database until it is back. Every session is first used on every instance, so that each has it in memory;
/// each refusal is checked with its own copy of the cookie (a refused request clears the cookie it came with).
/// </summary>
public sealed class SessionRevocationTests(Cluster cluster) : IClassFixture<Cluster>
{
    [Fact]
    public async Task EveryInstance_ListensForRevocations()
    {
        PostgresTestServer.SkipUnlessAvailable();

        for (var index = 0; index < Cluster.Size; index++)
        {
            await WaitForListenerAsync(index);
        }

        Assert.Equal(Cluster.Size, await cluster.ScalarAsync("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'ent77-%:sessions'"));
    }

    [Fact]
    public async Task ARowDeletedWithoutItsNotification_IsStillAcceptedWhereItWasInMemory_WhichIsWhatTheNotificationsPrevent()
    {
        PostgresTestServer.SkipUnlessAvailable();
        var (browser, _) = await ActiveAccountAsync("silent");
        await UseEverywhereAsync(browser, except: 2);

        // The control: the session row deleted with the triggers off (no notification), as a broken revocation would be.
        var session = await SessionIdOfAsync(browser);
        await ExecuteWithoutTriggersAsync($"DELETE FROM \"Sessions\" WHERE \"Id\" = '{session}'");
        Assert.Equal(0, await cluster.ScalarAsync($"SELECT COUNT(*) FROM \"Sessions\" WHERE \"Id\" = '{session}'"));

        Assert.Equal(HttpStatusCode.OK, await AccountStatusAsync(0, browser.Copy()));
        Assert.Equal(HttpStatusCode.OK, await AccountStatusAsync(1, browser.Copy()));
        Assert.Equal(HttpStatusCode.Unauthorized, await AccountStatusAsync(2, browser.Copy()));
    }

    [Fact]
    public async Task SignOutEverywhereOnOneInstance_IsRefusedByEveryInstance_ForEachSession()
    {
        PostgresTestServer.SkipUnlessAvailable();
        var (phone, identifier) = await ActiveAccountAsync("everywhere");
        var laptop = await SignInAsync(1, identifier);
        await UseEverywhereAsync(phone);
        await UseEverywhereAsync(laptop);

        using (var client = cluster[2].CreateClient(phone.Copy()))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/account/sessions/sign-out-everywhere", null)).StatusCode);
        }

        await RefusedEverywhereAsync(phone);
        await RefusedEverywhereAsync(laptop);
        Assert.Equal(0, await SessionCountAsync(identifier));
    }

    [Fact]
    public async Task APasswordChangeOnOneInstance_EndsTheOtherSessionOnEveryInstance_AndKeepsThisOne()
    {
        PostgresTestServer.SkipUnlessAvailable();
        var (phone, identifier) = await ActiveAccountAsync("password");
        var laptop = await SignInAsync(2, identifier);
        await UseEverywhereAsync(phone);
        await UseEverywhereAsync(laptop);

        using (var client = cluster[0].CreateClient(phone))
        {
            using var change = await client.PostAsJsonAsync("/api/account/password", new
            {
                currentPassword = Cluster.Password,
                newPassword = "Glycine-2013",
                newPasswordConfirmation = "Glycine-2013",
            });
            Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        }

        await RefusedEverywhereAsync(laptop);
        for (var index = 0; index < Cluster.Size; index++)
        {
            Assert.Equal(HttpStatusCode.OK, await AccountStatusAsync(index, phone.Copy()));
        }

        Assert.Equal(1, await SessionCountAsync(identifier));
    }

    [Fact]
    public async Task ABlockOnOneInstance_EndsEverySessionOfTheAccountOnEveryInstance()
    {
        PostgresTestServer.SkipUnlessAvailable();
        var (phone, identifier) = await ActiveAccountAsync("block");
        var laptop = await SignInAsync(0, identifier);
        await UseEverywhereAsync(phone);
        await UseEverywhereAsync(laptop);
        var id = await AccountIdAsync(phone);

        using (var admin = cluster[1].CreateClient(cluster.AdminSession))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/admin/accounts/{id}/block", null)).StatusCode);
        }

        await RefusedEverywhereAsync(phone);
        await RefusedEverywhereAsync(laptop);
    }

    [Fact]
    public async Task WhileAnInstancesListenerIsCut_ItReadsTheDatabase_SoARevocationItCannotHearIsStillRefused_AndItsCacheComesBackWithTheListener()
    {
        PostgresTestServer.SkipUnlessAvailable();
        const int cut = 1;
        var (browser, identifier) = await ActiveAccountAsync("cut");
        await UseEverywhereAsync(browser);
        await WaitForListenerAsync(cut);

        // The listener's backend is terminated; the session then ends on another instance while the listener is away:
        // its notification never reaches instance 1, which must not answer from memory.
        var lost = ListenerLosses(cut);
        Assert.Equal(1, await cluster.ScalarAsync($"SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'ent77-{cut}:sessions'"));

        // The server tells the connection it is terminated; the instance turns its cache off when it reads that, a
        // moment later (docs/adr/0012: the window a silent break would leave is the keep-alive's).
        var clock = Stopwatch.StartNew();
        while (ListenerLosses(cut) == lost)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"instance {cut} did not notice its listener's connection was cut");
            await Task.Delay(20);
        }

        var copy = browser.Copy();
        using (var client = cluster[0].CreateClient(browser))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/sign-out", null)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await AccountStatusAsync(cut, copy.Copy()));

        // Back: it listens again (a new backend), and the cache works as before: a session used there, then ended
        // elsewhere, is refused there.
        await WaitForListenerAsync(cut);
        var again = await SignInAsync(2, identifier);
        await UseEverywhereAsync(again);
        await UseEverywhereAsync(again);
        using (var client = cluster[2].CreateClient(again.Copy()))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/sign-out", null)).StatusCode);
        }

        await RefusedEverywhereAsync(again);
    }

    private async Task<(SessionJar Browser, string Identifier)> ActiveAccountAsync(string prefix)
    {
        var (identifier, code) = Assert.Single(await Cluster.CodesAsync(await Cluster.ImportAsync(cluster.Admin, Cluster.Roster(prefix, 1))));
        var browser = new SessionJar();
        using var client = cluster[0].CreateClient(browser);
        using var activation = await client.PostAsJsonAsync("/api/activation", Cluster.Activation(identifier, code, $"{prefix}@example.fr"));
        Assert.Equal(HttpStatusCode.OK, activation.StatusCode);
        return (browser, identifier);
    }

    private async Task<SessionJar> SignInAsync(int index, string identifier)
    {
        var browser = new SessionJar();
        using var client = cluster[index].CreateClient(browser);
        using var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { identifier, password = Cluster.Password, rememberMe = false });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return browser;
    }

    /// <summary>The session answers 200 on every instance (twice: the second answer comes from memory where there is a cache).</summary>
    private async Task UseEverywhereAsync(SessionJar browser, int? except = null)
    {
        for (var index = 0; index < Cluster.Size; index++)
        {
            if (index == except)
            {
                continue;
            }

            Assert.Equal(HttpStatusCode.OK, await AccountStatusAsync(index, browser.Copy()));
            Assert.Equal(HttpStatusCode.OK, await AccountStatusAsync(index, browser.Copy()));
        }
    }

    /// <summary>
    /// Refused by every instance: at once by the one that made the change, by the others when the database's notification
    /// reaches them (docs/adr/0012: well under a millisecond on an idle machine), allowed 1 s here on 2 shared cores.
    /// </summary>
    private async Task RefusedEverywhereAsync(SessionJar browser)
    {
        for (var index = 0; index < Cluster.Size; index++)
        {
            var status = HttpStatusCode.OK;
            await Eventually.HoldsWithinAsync(
                async () => (status = await AccountStatusAsync(index, browser.Copy())) != HttpStatusCode.OK, TimeSpan.FromSeconds(1));
            Assert.Equal(HttpStatusCode.Unauthorized, status);
        }
    }

    private async Task<HttpStatusCode> AccountStatusAsync(int index, SessionJar browser)
    {
        using var client = cluster[index].CreateClient(browser);
        using var response = await client.GetAsync("/api/account");
        return response.StatusCode;
    }

    private async Task<Guid> AccountIdAsync(SessionJar browser)
    {
        using var client = cluster[0].CreateClient(browser.Copy());
        return (await client.GetFromJsonAsync<JsonElement>("/api/account")).GetProperty("id").GetGuid();
    }

    private async Task<Guid> SessionIdOfAsync(SessionJar browser)
    {
        using var client = cluster[0].CreateClient(browser.Copy());
        var sessions = await client.GetFromJsonAsync<JsonElement>("/api/account/sessions");
        return sessions.EnumerateArray().Single(s => s.GetProperty("current").GetBoolean()).GetProperty("id").GetGuid();
    }

    private Task<long> SessionCountAsync(string identifier) =>
        cluster.ScalarAsync($"SELECT COUNT(*) FROM \"Sessions\" s JOIN \"Accounts\" a ON a.\"Id\" = s.\"AccountId\" WHERE a.\"Identifier\" = '{identifier}'");

    private async Task ExecuteWithoutTriggersAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(PostgresTestServer.ConnectionStringFor(cluster.Database, pooling: false));
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"SET session_replication_role = replica; {sql}", connection);
        await command.ExecuteNonQueryAsync();
    }

    private int ListenerLosses(int index) =>
        System.Text.RegularExpressions.Regex.Count(cluster[index].Output, "Session revocations: connection lost");

    private async Task WaitForListenerAsync(int index)
    {
        var clock = Stopwatch.StartNew();
        while (await cluster.ScalarAsync($"SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'ent77-{index}:sessions'") != 1)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"instance {index} does not listen for session revocations");
            await Task.Delay(50);
        }
    }
}
