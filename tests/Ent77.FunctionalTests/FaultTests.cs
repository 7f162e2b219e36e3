using System.Net;
using System.Net.Http.Json;
using Ent77.FunctionalTests.Infrastructure;
using Ent77.Infrastructure.Notifications;
using Ent77.TestSupport.Databases;
using Ent77.TestSupport.Hosting;
using Ent77.TestSupport.Mail;
using Hangfire;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static Ent77.TestSupport.Eventually;

namespace Ent77.FunctionalTests;

/// <summary>
/// docs/API.md (503) and docs/DOMAIN.md "Concurrency": a database busy for a moment gets a clear 503 and no corruption. The busy database is the real thing:
/// SQLite held by another writer (the service's busy timeout is one second), or PostgreSQL with the accounts' table
/// locked by another session (the service's command timeout is one second).
/// </summary>
public sealed class DatabaseBusyTests : FunctionalTest
{
    private readonly TestDatabase _database = TestDatabase.Create();

    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = _database.Settings;
            settings["ConnectionStrings:Ent77"] = _database.IsPostgres
                ? $"{settings["ConnectionStrings:Ent77"]};Command Timeout=1"
                : $"Data Source={SqliteFile};Default Timeout=1";
            return settings;
        }
    }

    private string SqliteFile => Path.Combine(_database.DataDirectory, "ent77.db");

    [Fact]
    public async Task WhileAnotherWriterHoldsTheDatabase_Writes503_ThenEverythingWorks()
    {
        Directory.CreateDirectory(_database.DataDirectory);
        var account = await Factory.CreateActiveAccountAsync(Factory.CreateApiClient());
        var before = await Factory.LoadAccountAsync(account.Id);

        await using (await HoldTheDatabaseAsync())
        {
            var busy = await Factory.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, "Mauvais-2012"));

            var problem = await Http.AssertProblemAsync(busy, HttpStatusCode.ServiceUnavailable, "Service momentanément indisponible.");
            Assert.Equal("5", busy.Headers.GetValues("Retry-After").Single());
            Assert.Contains("rien n’a été enregistré", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(before.FailedSignInCount, (await Factory.LoadAccountAsync(account.Id)).FailedSignInCount);
        Assert.Equal(HttpStatusCode.OK, (await Factory.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, "Violette-2012"))).StatusCode);
        await Factory.AssertDatabaseIntactAsync();
    }

    /// <summary>Another session takes the database (SQLite) or the accounts' table (PostgreSQL) for itself until disposed.</summary>
    private async Task<IAsyncDisposable> HoldTheDatabaseAsync()
    {
        System.Data.Common.DbConnection locker = _database.IsPostgres
            ? new NpgsqlConnection(PostgresTestServer.ConnectionStringFor(_database.PostgresDatabase!, pooling: false))
            : new SqliteConnection($"Data Source={SqliteFile};Pooling=False");
        await locker.OpenAsync();
        await using var hold = locker.CreateCommand();
        hold.CommandText = _database.IsPostgres ? "BEGIN; LOCK TABLE \"Accounts\" IN ACCESS EXCLUSIVE MODE;" : "BEGIN EXCLUSIVE;";
        await hold.ExecuteNonQueryAsync();
        return locker; // closing it ends the transaction (rolled back)
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}

/// <summary>
/// A service process killed with SIGKILL while messages it committed are still unsent (the relay was down): the
/// next start of the service delivers each of them, once.
/// </summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly LoopbackSmtpServer _smtp = new();
    private readonly TestDatabase _database = TestDatabase.Create();

    private Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>(_database.Settings)
        {
            ["App:PublicBaseUrl"] = "https://ent77.test",
            ["Security:CodeKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Jobs:PollInterval"] = "00:00:00.200",
            ["Jobs:RetryBaseDelay"] = "00:00:01",
            ["Jobs:ClaimDuration"] = "00:00:05", // 2 min by default: what a message claimed by a dead process waits
            ["Jobs:SweepCron"] = "*/5 * * * * *",
        };
        foreach (var (key, value) in _smtp.Settings)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public async Task MessagesCommittedByAKilledProcess_AreDeliveredOnceAfterARestart()
    {
        var settings = Settings();
        var secrets = new SecretWatch();
        Assert.Equal(0, (await ServiceProcess.RunCommandAsync(settings, "migrate")).ExitCode);
        Assert.Equal(0, (await ServiceProcess.RunCommandAsync(settings, "establishments", "add", "--uai", Ent77Factory.Uai, "--name", "Collège Les Tilleuls", "--city", "Melun")).ExitCode);
        var issued = await ServiceProcess.RunCommandAsync(settings, "admins", "issue", "--uai", Ent77Factory.Uai, "--first-name", "Jeanne", "--last-name", "Essai");
        var identifier = System.Text.RegularExpressions.Regex.Match(issued.Output, "Identifiant : (\\S+)").Groups[1].Value;
        var code = System.Text.RegularExpressions.Regex.Match(issued.Output, "Code d'activation : ([0-9A-Z-]+)").Groups[1].Value;
        const string password = "Violette-2012";
        foreach (var secret in new[] { code, code.Replace("-", string.Empty, StringComparison.Ordinal), password })
        {
            secrets.Register(secret);
        }

        string firstOutput;
        await using (var first = await ServiceProcess.StartAsync("first", settings))
        {
            using var client = first.CreateClient();
            var activated = await client.PostAsJsonAsync("/api/activation", Requests.Activation(identifier, code, password, email: "jeanne.essai@example.fr"));
            Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
            for (var i = 0; i < 3; i++)
            {
                var submitted = await client.PostAsJsonAsync("/api/help-requests", new
                {
                    firstName = "Sophie", lastName = "Dupont", email = $"parent{i}@example.fr", uai = Ent77Factory.Uai, kind = "Activation", message = "Code perdu.",
                });
                Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
            }

            // The welcome e-mail (with its confirmation link), the three acknowledgements and the three notifications to the
            // school's administrator are committed and their first sends failed (the relay is down): then the process dies.
            await WaitUntilAsync(async () => await _database.ScalarAsync("SELECT COUNT(*) FROM \"Notifications\" WHERE \"Attempts\" > 0") == 7);
            first.Kill();
            Assert.True(first.HasExited);
            firstOutput = first.Output;
        }

        Assert.Equal(0, await _database.ScalarAsync("SELECT COUNT(*) FROM \"Notifications\" WHERE \"SentAt\" IS NOT NULL"));

        // The kill may fall while a job holds a claim, between taking its batch and recording the failure: those messages
        // wait for the claim to expire, then for the sweep. The first parent's acknowledgement is left claimed as such a
        // job leaves it, so that this path is taken on every run, not only when the kill happens to fall there.
        Assert.Equal(1, await _database.ExecuteAsync(
            $"UPDATE \"Notifications\" SET \"ClaimedUntil\" = {(_database.IsPostgres ? "now() + interval '5 seconds'" : "strftime('%Y-%m-%d %H:%M:%f', 'now', '+5 seconds')")}, "
            + $"\"ClaimToken\" = '{Guid.NewGuid()}' WHERE \"Recipient\" = 'parent0@example.fr'"));
        _smtp.Start();
        await using var second = await ServiceProcess.StartAsync("second", settings);

        // Each message waits for its next attempt (1 s, 3 s, 9 s… after its failures, however many the first process
        // made before it died): a slow machine may take a while, so the waits below are generous.

        for (var i = 0; i < 3; i++)
        {
            Assert.Single(await _smtp.WaitForAsync($"parent{i}@example.fr", timeout: TimeSpan.FromSeconds(90)));
        }

        var toAdministrator = await _smtp.WaitForAsync("jeanne.essai@example.fr", count: 4, timeout: TimeSpan.FromSeconds(90));
        var welcome = Assert.Single(toAdministrator, m => (m.TextBody ?? string.Empty).Contains("confirmation-email#token=", StringComparison.Ordinal));
        var token = System.Text.RegularExpressions.Regex.Match(welcome.TextBody ?? string.Empty, "confirmation-email#token=([A-Za-z0-9_-]+)").Groups[1].Value;
        Assert.NotEmpty(token);
        secrets.Register(token);

        await Task.Delay(1500);
        Assert.Equal(7, _smtp.Messages.Count);
        Assert.Equal(7, await _database.ScalarAsync("SELECT COUNT(*) FROM \"Notifications\" WHERE \"SentAt\" IS NOT NULL"));

        // Neither process printed a secret, and none is stored in clear in the audit, the outbox or the job store.
        await secrets.AssertNothingLeakedAsync(new Dictionary<string, string?>(settings), [firstOutput, second.Output]);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
        _database.Dispose();
    }
}

/// <summary>Two services on one database: sessions, lockouts and queued e-mails are shared, and sent once.</summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private readonly LoopbackSmtpServer _smtp = new LoopbackSmtpServer().Start();
    private readonly TestDatabase _database = TestDatabase.Create();
    private Ent77Factory _one = null!;
    private Ent77Factory _two = null!;

    public ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(_smtp.Settings)
        {
            ["Jobs:PollInterval"] = "00:00:00.200",
        };
        foreach (var (key, value) in _database.Settings)
        {
            settings[key] = value;
        }

        _one = new Ent77Factory(settings);
        _ = _one.Services; // the first one migrates
        _two = new Ent77Factory(settings);
        _ = _two.Services;
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task ASessionOpenedOnOneIsValidOnTheOther()
    {
        var onOne = _one.CreateApiClient();
        await _one.CreateActiveAccountAsync(onOne);
        var signIn = await onOne.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn("helene.dupont", "Violette-2012"));
        var setCookie = Http.SessionCookie(signIn);

        // Another instance behind the load balancer: the cookie is replayed by hand (the clients keep their own jars).
        var onTwo = _two.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/account");
        request.Headers.Add("Cookie", $"{setCookie.Name}={setCookie.Value}");
        var response = await onTwo.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ACookieCopiedBeforeSignOutOnOne_IsRefusedOnTheOther_AtOnce()
    {
        var onOne = _one.CreateApiClient();
        await _one.CreateActiveAccountAsync(onOne);
        var setCookie = Http.SessionCookie(await onOne.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn("helene.dupont", "Violette-2012")));
        async Task<HttpStatusCode> ReplayOnTwoAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/account");
            request.Headers.Add("Cookie", $"{setCookie.Name}={setCookie.Value}");
            using var response = await _two.CreateApiClient().SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await ReplayOnTwoAsync());
        using (var signOut = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-out"))
        {
            signOut.Headers.Add("Cookie", $"{setCookie.Name}={setCookie.Value}");
            Assert.Equal(HttpStatusCode.NoContent, (await _one.CreateApiClient().SendAsync(signOut)).StatusCode);
        }

        // The very next request on the other instance: no cache lets the copy live on.
        Assert.Equal(HttpStatusCode.Unauthorized, await ReplayOnTwoAsync());
    }

    [Fact]
    public async Task ALockoutOnOneHoldsOnTheOther()
    {
        var account = await _one.CreateActiveAccountAsync(_one.CreateApiClient());
        for (var i = 0; i < 5; i++)
        {
            await _one.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, $"Mauvais-{i}x"));
        }

        var onTwo = await _two.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, "Violette-2012"));

        Assert.Equal(HttpStatusCode.Unauthorized, onTwo.StatusCode);
    }

    [Fact]
    public async Task AQueuedEmailIsSentOnce()
    {
        await _one.CreateActiveAccountAsync(_one.CreateApiClient());
        for (var i = 0; i < 3; i++)
        {
            await (i % 2 == 0 ? _one : _two).CreateApiClient().PostAsJsonAsync("/api/password-reset", new { identifier = "helene.dupont", channel = "email" });
        }

        await _smtp.WaitForAsync("helene.parent@example.fr", 4);
        // Both servers also sweep the outbox at start and every minute: nothing goes twice.
        foreach (var id in await _one.WithDbAsync(db => db.Notifications.Select(n => n.Id).ToListAsync()))
        {
            _two.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<NotificationDeliveryJob>(job => job.DeliverAsync(id, CancellationToken.None));
        }

        await Task.Delay(1500);
        Assert.Equal(4, _smtp.To("helene.parent@example.fr").Count);
    }

    public async ValueTask DisposeAsync()
    {
        await _one.Secrets.AssertNothingLeakedAsync(_one);
        await _two.Secrets.AssertNothingLeakedAsync(_two);
        await _two.DisposeAsync();
        await _one.DisposeAsync();
        await _smtp.DisposeAsync();
        _database.Dispose();
    }
}
