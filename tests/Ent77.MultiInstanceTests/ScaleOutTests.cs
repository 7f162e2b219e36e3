using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ent77.MultiInstanceTests;

/// <summary>
/// docs/OPERATIONS.md "Production on PostgreSQL with several instances": three real instances on one PostgreSQL database, requests
/// spread across them, and real crashes (SIGKILL). Whatever instance a request reaches, an activation code is consumed
/// once, the lockout counts every failure, a message is sent once, a recurring job runs once, and an import that dies
/// half-way leaves nothing written.
/// </summary>
public sealed class ScaleOutTests(Cluster cluster) : IClassFixture<Cluster>
{
    [Fact]
    public async Task TwentyParallelActivationsOfOneCode_SpreadOverTheInstances_HaveExactlyOneWinner()
    {
        PostgresTestServer.SkipUnlessAvailable();
        var (identifier, code) = Assert.Single(await Cluster.CodesAsync(await Cluster.ImportAsync(cluster.Admin, Cluster.Roster("race", 1))));
        var attempts = Enumerable.Range(0, 20).Select(async i =>
        {
            using var client = cluster.Client(i % Cluster.Size);
            using var response = await client.PostAsJsonAsync("/api/activation", Cluster.Activation(identifier, code, $"race{i}@example.fr"));
            return response.StatusCode;
        });

        var answers = await Task.WhenAll(attempts);

        Assert.Equal(1, answers.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(19, answers.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(1, await cluster.ScalarAsync($"SELECT COUNT(*) FROM \"AuditEvents\" e JOIN \"Accounts\" a ON a.\"Id\" = e.\"AccountId\" WHERE a.\"Identifier\" = '{identifier}' AND e.\"Type\" = 'account.activated'"));
        Assert.Equal(1, await cluster.ScalarAsync($"SELECT COUNT(*) FROM \"ActivationCodes\" c JOIN \"Accounts\" a ON a.\"Id\" = c.\"AccountId\" WHERE a.\"Identifier\" = '{identifier}' AND c.\"ConsumedAt\" IS NOT NULL"));
        Assert.Equal("Active", await PostgresTestServer.ScalarAsync<string>(cluster.Database, $"SELECT \"Status\" FROM \"Accounts\" WHERE \"Identifier\" = '{identifier}'"));
    }

    [Fact]
    public async Task TwelveWrongPasswordsInParallelWaves_SpreadOverTheInstances_EveryFailureCountsUntilTheFifthLocks_ThenTheAccountIsLockedOnEveryInstance()
    {
        PostgresTestServer.SkipUnlessAvailable();
        var (identifier, code) = Assert.Single(await Cluster.CodesAsync(await Cluster.ImportAsync(cluster.Admin, Cluster.Roster("lock", 1))));
        using (var owner = cluster.Client(1))
        {
            Assert.Equal(HttpStatusCode.OK, (await owner.PostAsJsonAsync("/api/activation", Cluster.Activation(identifier, code, "lock@example.fr"))).StatusCode);
        }

        // Four at once on three instances: none is lost (the account counts exactly four, and is not locked yet).
        Assert.All(await GuessAsync(identifier, 0, 4), status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(4, await cluster.ScalarAsync($"SELECT \"FailedSignInCount\" FROM \"Accounts\" WHERE \"Identifier\" = '{identifier}'"));
        Assert.Equal(0, await cluster.ScalarAsync($"SELECT COUNT(*) FROM \"Accounts\" WHERE \"Identifier\" = '{identifier}' AND \"LockedUntil\" IS NOT NULL"));

        // Eight more at once: the first of them to commit is the fifth failure and locks; the others count for nothing.
        Assert.All(await GuessAsync(identifier, 4, 8), status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(1, await cluster.ScalarAsync($"SELECT COUNT(*) FROM \"Accounts\" WHERE \"Identifier\" = '{identifier}' AND \"LockedUntil\" IS NOT NULL AND \"FailedSignInCount\" = 0"));
        Assert.Equal(1, await cluster.ScalarAsync($"SELECT COUNT(*) FROM \"AuditEvents\" e JOIN \"Accounts\" a ON a.\"Id\" = e.\"AccountId\" WHERE a.\"Identifier\" = '{identifier}' AND e.\"Type\" = 'account.locked-out'"));
        Assert.Equal(12, await cluster.ScalarAsync($"SELECT COUNT(*) FROM \"AuditEvents\" e JOIN \"Accounts\" a ON a.\"Id\" = e.\"AccountId\" WHERE a.\"Identifier\" = '{identifier}' AND e.\"Type\" = 'sign-in.failed'"));
        for (var index = 0; index < Cluster.Size; index++)
        {
            using var client = cluster.Client(index);
            using var right = await client.PostAsJsonAsync("/api/auth/sign-in", new { identifier, password = Cluster.Password, rememberMe = false });
            Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        }
    }

    [Fact]
    public async Task ASessionEndedOnOneInstance_IsRefusedByEveryOtherAtItsNextRequest()
    {
        PostgresTestServer.SkipUnlessAvailable();
        var (identifier, code) = Assert.Single(await Cluster.CodesAsync(await Cluster.ImportAsync(cluster.Admin, Cluster.Roster("session", 1))));

        // One browser behind the load balancer: its cookie goes to whichever instance the balancer picks.
        var browser = new SessionJar();
        using (var first = cluster[0].CreateClient(browser))
        {
            Assert.Equal(HttpStatusCode.OK, (await first.PostAsJsonAsync("/api/activation", Cluster.Activation(identifier, code, "session@example.fr"))).StatusCode);
        }

        for (var index = 0; index < Cluster.Size; index++)
        {
            using var client = cluster[index].CreateClient(browser);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account")).StatusCode);
        }

        // A copy of the cookie taken before sign-out (on another computer, say), then sign-out on instance 1.
        var copy = browser.Copy();
        using (var second = cluster[1].CreateClient(browser))
        {
            Assert.Equal(HttpStatusCode.NoContent, (await second.PostAsync("/api/auth/sign-out", null)).StatusCode);
        }

        for (var index = 0; index < Cluster.Size; index++)
        {
            using var replay = cluster[index].CreateClient(copy);
            Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync("/api/account")).StatusCode);
        }

        Assert.Equal(0, await cluster.ScalarAsync($"SELECT COUNT(*) FROM \"Sessions\" s JOIN \"Accounts\" a ON a.\"Id\" = s.\"AccountId\" WHERE a.\"Identifier\" = '{identifier}'"));
    }

    private Task<HttpStatusCode[]> GuessAsync(string identifier, int first, int count) => Task.WhenAll(Enumerable.Range(first, count).Select(async i =>
    {
        using var client = cluster.Client(i % Cluster.Size);
        using var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { identifier, password = $"Mauvais-{i:00}x", rememberMe = false });
        return response.StatusCode;
    }));

    [Fact]
    public async Task AThousandMessagesQueuedAcrossTheInstances_AreEachDeliveredOnce_ThoughOneInstanceIsKilledInTheMiddleOfSending()
    {
        PostgresTestServer.SkipUnlessAvailable();
        const int count = 1_000;
        const int victim = 1;
        var clock = Stopwatch.StartNew();
        var codes = await Cluster.CodesAsync(await Cluster.ImportAsync(cluster.Admin, Cluster.Roster("mail", count)));
        Assert.Equal(count, codes.Count);
        Log($"{count} accounts imported in {clock.Elapsed.TotalSeconds:0.0} s");
        var recipients = codes.Select((c, i) => $"eleve{i}@mail.example").ToList();

        try
        {
            // Each activation commits its welcome e-mail in the outbox of whatever instance took it; all three deliver.
            // A request the killed instance never answered is sent again to the next one, as a load balancer would.
            var activations = Task.Run(async () =>
            {
                var clients = Enumerable.Range(0, Cluster.Size).Select(cluster.Client).ToArray();
                await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (i, ct) =>
                {
                    for (var target = i % Cluster.Size; ; target = (target + 1) % Cluster.Size)
                    {
                        if (cluster.IsDown(target))
                        {
                            continue;
                        }

                        try
                        {
                            using var response = await clients[target].PostAsJsonAsync("/api/activation", Cluster.Activation(codes[i].Identifier, codes[i].Code, recipients[i]), ct);
                            // 401 only for a resent request whose first try the killed instance had committed.
                            Assert.True(response.StatusCode == HttpStatusCode.OK || (target != victim && response.StatusCode == HttpStatusCode.Unauthorized), $"Activation {i}: {(int)response.StatusCode}");
                            return;
                        }
                        catch (HttpRequestException) when (target == victim)
                        {
                            // killed while answering
                        }
                    }
                });
            });

            // In the middle: once a third is delivered, the victim's relay holds its senders at MAIL FROM; when both of its
            // workers wait there, and the mark of every message its relay accepted is committed (a job commits the mark of
            // the message accepted last while the next one goes out: docs/OPERATIONS.md), it is killed mid-send. A kill
            // before those last marks would resend their messages, the one accepted just before by each job: what the
            // outbox allows, and not what this test checks.
            await WaitUntilAsync(() => cluster.Smtp.Messages.Count >= count / 3, TimeSpan.FromSeconds(90));
            cluster.Smtp[victim].Pause();
            await WaitUntilAsync(() => cluster.Smtp[victim].Waiting == 2, TimeSpan.FromSeconds(30));
            var acceptedByTheVictim = cluster.Smtp[victim].Accepted.Where(recipients.Contains).ToList();
            var inList = string.Join(", ", acceptedByTheVictim.Select(r => $"'{r}'"));
            var markedBeforeTheKill = await HoldsWithinAsync(
                async () => acceptedByTheVictim.Count == 0 || await cluster.ScalarAsync(
                    $"SELECT COUNT(*) FROM \"Notifications\" WHERE \"SentAt\" IS NOT NULL AND \"Recipient\" IN ({inList})") == acceptedByTheVictim.Count,
                TimeSpan.FromSeconds(15)); // killed anyway when a mark lags further: the duplicates below then say which
            var deliveredBeforeTheKill = cluster.Smtp.Messages.Count;
            cluster.Kill(victim);
            cluster.Smtp[victim].Resume();
            Log($"instance {victim} killed at {clock.Elapsed.TotalSeconds:0.0} s, {deliveredBeforeTheKill} messages delivered ({acceptedByTheVictim.Count} by its relay, all marked sent: {markedBeforeTheKill}), two of its sends held at MAIL FROM");
            await activations;
            Log($"{count} activations answered at {clock.Elapsed.TotalSeconds:0.0} s");

            Assert.Equal(count, await cluster.ScalarAsync("SELECT COUNT(*) FROM \"Accounts\" WHERE \"ExternalId\" LIKE 'mail-%' AND \"Status\" = 'Active'"));
            await WaitUntilAsync(() => recipients.All(cluster.Smtp.CountByRecipient().ContainsKey), TimeSpan.FromSeconds(120));
            Log($"{count} messages delivered at {clock.Elapsed.TotalSeconds:0.0} s");
            await Task.Delay(TimeSpan.FromSeconds(6)); // a sweep and a claim's expiry later: nothing more goes out

            var received = cluster.Smtp.CountByRecipient();
            Assert.All(recipients, r => Assert.Equal(1, received[r]));
            Assert.Equal(count, await cluster.ScalarAsync("SELECT COUNT(*) FROM \"Notifications\" WHERE \"Recipient\" LIKE 'eleve%@mail.example' AND \"SentAt\" IS NOT NULL"));
            Assert.InRange(deliveredBeforeTheKill, count / 3, count - 1);
            Assert.True(markedBeforeTheKill, "A message the victim's relay had accepted was still not marked sent while its next send was held.");
        }
        finally
        {
            cluster.Smtp[victim].Resume();
            if (cluster.IsDown(victim))
            {
                await cluster.StartAsync(victim);
            }
        }
    }

    [Fact]
    public async Task RecurringJobs_RunOncePerPeriod_AcrossTheInstances()
    {
        PostgresTestServer.SkipUnlessAvailable();

        // The three job servers race for every occurrence (sweep every 5 s, purge every 2 s in this cluster).
        var first = await cluster.ScalarAsync("SELECT COALESCE(MAX(id), 0) FROM hangfire.job");
        await Task.Delay(TimeSpan.FromSeconds(13));
        var last = await cluster.ScalarAsync("SELECT COALESCE(MAX(id), 0) FROM hangfire.job");
        await Task.Delay(TimeSpan.FromSeconds(2)); // the last ones run

        var occurrences = await OccurrencesAsync(first, last);
        Assert.InRange(occurrences.Count(o => o.RecurringJobId == "notifications-sweep"), 2, 3);
        Assert.InRange(occurrences.Count(o => o.RecurringJobId == "help-requests-purge"), 5, 7);
        Assert.All(occurrences, o => Assert.Equal(1, o.Jobs));
        Assert.All(occurrences, o => Assert.Equal(1, o.Runs));
    }

    [Fact]
    public async Task AnImportKilledHalfWay_LeavesNoAccount_AndTheSameImportThenCompletes()
    {
        PostgresTestServer.SkipUnlessAvailable();
        const int rows = 20_000;
        const int victim = 2;
        var roster = Cluster.Roster("kill", rows);
        var importing = cluster[victim];
        try
        {
            using var client = importing.CreateClient(cluster.AdminSession);
            var sent = Cluster.ImportAsync(client, roster);

            // Half-way: the import's transaction is writing its rows (binary COPY in progress) when the process dies.
            var copied = await WaitForCopyAsync($"ent77-{victim}", rows, TimeSpan.FromSeconds(60));
            cluster.Kill(victim);
            Log($"instance {victim} killed while its transaction had written {copied} of its {2 * rows} account and code rows");
            await Assert.ThrowsAnyAsync<HttpRequestException>(() => sent);
            Assert.InRange(copied, rows / 2, (2 * rows) - 1);

            await WaitUntilAsync(async () => await cluster.ScalarAsync($"SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'ent77-{victim}'") == 0, TimeSpan.FromSeconds(30));
            Assert.Equal(0, await cluster.ScalarAsync("SELECT COUNT(*) FROM \"Accounts\" WHERE \"ExternalId\" LIKE 'kill-%'"));
            Assert.Equal(0, await cluster.ScalarAsync("SELECT COUNT(*) FROM \"ActivationCodes\" c WHERE NOT EXISTS (SELECT 1 FROM \"Accounts\" a WHERE a.\"Id\" = c.\"AccountId\")"));
            Assert.Equal(0, await cluster.ScalarAsync($"SELECT COUNT(*) FROM \"AuditEvents\" WHERE \"Type\" = 'roster.imported' AND \"Details\" LIKE '{rows} %'"));

            using var again = await Cluster.ImportAsync(cluster.Admin, roster);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(rows, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("created").GetInt32());
            Assert.Equal(rows, await cluster.ScalarAsync("SELECT COUNT(*) FROM \"Accounts\" WHERE \"ExternalId\" LIKE 'kill-%'"));
            Assert.Equal(rows, await cluster.ScalarAsync("SELECT COUNT(*) FROM \"ActivationCodes\" c JOIN \"Accounts\" a ON a.\"Id\" = c.\"AccountId\" WHERE a.\"ExternalId\" LIKE 'kill-%'"));
        }
        finally
        {
            if (cluster.IsDown(victim))
            {
                await cluster.StartAsync(victim);
            }
        }
    }

    /// <summary>
    /// Polls PostgreSQL's COPY progress for the instance's session until half of the accounts are written (or the codes
    /// are being written); returns the rows written so far in that transaction.
    /// </summary>
    private async Task<long> WaitForCopyAsync(string applicationName, int rows, TimeSpan timeout)
    {
        await using var connection = new Npgsql.NpgsqlConnection(PostgresTestServer.ConnectionStringFor(cluster.Database, pooling: false));
        await connection.OpenAsync();
        await using var progress = new Npgsql.NpgsqlCommand(
            """
            SELECT CASE WHEN p.relid = '"Accounts"'::regclass THEN p.tuples_processed ELSE @rows + p.tuples_processed END
            FROM pg_stat_progress_copy p JOIN pg_stat_activity a ON a.pid = p.pid
            WHERE a.application_name = @name
              AND ((p.relid = '"Accounts"'::regclass AND p.tuples_processed >= @rows / 2) OR p.relid = '"ActivationCodes"'::regclass)
            """,
            connection);
        progress.Parameters.AddWithValue("name", applicationName);
        progress.Parameters.AddWithValue("rows", (long)rows);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (await progress.ExecuteScalarAsync() is long copied)
            {
                return copied;
            }

            await Task.Delay(1);
        }

        throw new TimeoutException("The import's COPY was never seen half-way.");
    }

    private sealed record Occurrence(string RecurringJobId, string Time, int Jobs, int Runs);

    /// <summary>Hangfire's own record: the jobs each recurring occurrence created, and how often each was processed.</summary>
    private async Task<List<Occurrence>> OccurrencesAsync(long afterJobId, long upToJobId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(PostgresTestServer.ConnectionStringFor(cluster.Database, pooling: false));
        await connection.OpenAsync();
        await using var query = new Npgsql.NpgsqlCommand(
            """
            SELECT r.value, t.value, COUNT(DISTINCT j.id)::int,
                   COUNT(s.id) FILTER (WHERE s.name = 'Processing')::int
            FROM hangfire.job j
            JOIN hangfire.jobparameter r ON r.jobid = j.id AND r.name = 'RecurringJobId'
            JOIN hangfire.jobparameter t ON t.jobid = j.id AND t.name = 'Time'
            LEFT JOIN hangfire.state s ON s.jobid = j.id
            WHERE j.id > @after AND j.id <= @upTo
            GROUP BY r.value, t.value
            """,
            connection);
        query.Parameters.AddWithValue("after", afterJobId);
        query.Parameters.AddWithValue("upTo", upToJobId);
        var occurrences = new List<Occurrence>();
        await using var reader = await query.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            occurrences.Add(new Occurrence(reader.GetString(0).Trim('"'), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3)));
        }

        return occurrences;
    }

    private static void Log(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);
}
