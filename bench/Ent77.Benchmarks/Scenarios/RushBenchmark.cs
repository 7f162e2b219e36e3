using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ent77.Application.Administration.Access;
using Ent77.Application.Administration.ImportRoster;
using Ent77.Application.Establishments.IssueAdministrator;
using Ent77.Benchmarks.Harness;
using Ent77.Infrastructure;
using Ent77.Infrastructure.Security;
using Mediator;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Ent77.Benchmarks.Scenarios;

/// <summary>
/// 5. The September rush. Two instances of the service on one PostgreSQL database, as behind a load balancer (requests
/// alternate between them), take an open-loop mix at a fixed mean rate (Poisson arrivals): sign-ins with a password
/// 60 %, activations 15 %, password-reset requests 5 %, account reads 20 %; in the middle of each run an administrator
/// imports a 5,000-row roster. Every latency is counted from the moment its request was due (no coordinated omission)
/// and kept, by kind. Every message the run causes (the activations' welcome e-mails, the resets' links) must reach the
/// loopback SMTP server exactly once. A search over rates finds the highest that keeps p95 ≤ 1 s for sign-in and
/// activation; the last run, at that rate, lasts the full duration.
/// </summary>
internal static class RushBenchmark
{
    public const double SignInShare = 0.60;
    public const double ActivationShare = 0.15;
    public const double ResetShare = 0.05;
    public const double ReadShare = 0.20;
    public const double LatencyTargetMs = 1000;

    private static readonly string[] Kinds = ["signIn", "activation", "reset", "read"];

    private sealed record Outcome(string Kind, double DueSeconds, double LatencyMs, int Status);

    private sealed record Run(double Rate, TimeSpan Duration, List<Outcome> Outcomes, double ImportSeconds, int ImportStatus, int ImportCreated,
        int Dropped, bool ExactlyOnce, string MessageCheck, string LoadBefore, string LoadAfter)
    {
        public IEnumerable<double> Latencies(string kind) => Outcomes.Where(o => o.Kind == kind).Select(o => o.LatencyMs);

        public double P(string kind, double p) => Stats.Percentile(Latencies(kind), p);

        public int ServerErrors => Outcomes.Count(o => o.Status >= 500 || o.Status == 0) + (ImportStatus >= 500 || ImportStatus == 0 ? 1 : 0);

        public int Unexpected => Outcomes.Count(o => o.Status != Expected(o.Kind)) + (ImportStatus == 200 ? 0 : 1);

        public bool Holds => P("signIn", 95) <= LatencyTargetMs && P("activation", 95) <= LatencyTargetMs;
    }

    private static int Expected(string kind) => kind switch
    {
        "reset" => 202,
        _ => 200,
    };

    public static async Task<BenchmarkReport> RunAsync(TimeSpan finalDuration, TimeSpan searchDuration, IReadOnlyList<double>? rates, int importRows)
    {
        var report = new BenchmarkReport("rush", "5. The September rush");
        if (!BenchDatabase.Postgres)
        {
            report.Check(false, "the rush runs two instances on one PostgreSQL database: add --database postgres");
            return report;
        }

        var cores = Environment.ProcessorCount;
        var hashMs = OneHashMs();
        report.Sample("hash.ms", hashMs);
        var bound = cores / (hashMs / 1000) / (SignInShare + ActivationShare); // requests/s when hashing is the only cost
        Console.WriteLine(Invariant($"  one PBKDF2 verification {hashMs:0.0} ms; the mix hashes {SignInShare + ActivationShare:0.00} times a request: bound {bound:0.0} req/s on {cores} cores"));

        await using var sink = new SmtpSink();
        // Two instances on one machine share its cores: each admits cores ÷ 2 hashes at once (an instance on its own
        // machine keeps the default, its cores).
        var perInstance = Math.Max(1, cores / 2).ToString(CultureInfo.InvariantCulture);
        var first = new Dictionary<string, string?>(sink.Settings) { ["Security:PasswordHashConcurrency"] = perInstance };
        await using var one = await ServiceHost.StartAsync(first);
        var shared = new Dictionary<string, string?>(sink.Settings) { ["Security:PasswordHashConcurrency"] = perInstance };
        foreach (var key in new[] { "Database:Provider", "Security:CodeKey", "DataProtection:CertificatePath", "DataProtection:CertificatePassword" })
        {
            shared[key] = one.SettingsUsed[key];
        }

        shared["ConnectionStrings:Ent77"] = new NpgsqlConnectionStringBuilder(one.SettingsUsed["ConnectionStrings:Ent77"]) { ApplicationName = "ent77-2" }.ConnectionString;
        await using var two = await ServiceHost.StartAsync(shared);
        var hosts = new[] { one, two };
        using var client1 = one.CreateClient(512);
        using var client2 = two.CreateClient(512);
        var clients = new[] { client1, client2 };
        report.Check(one.Services.GetRequiredService<PasswordHashingGate>().Capacity == int.Parse(perInstance, CultureInfo.InvariantCulture), "the first instance's hashing gate is not as configured");

        // The people who sign in and read their account (activated once, before anything is timed), and the administrator.
        var pool = await Accounts.CreateActiveAsync(one, client1, 64, emailDomain: "pool.bench", seed: 11, externalIdSuffix: "P");
        var cookies = new List<string>();
        for (var i = 0; i < 32; i++)
        {
            cookies.Add(await Accounts.SessionCookieAsync(clients[i % 2], pool[i].Identifier));
        }

        var adminCookie = await AdministratorCookieAsync(one, client1);
        report.Check(await SmtpSink.WaitUntilAsync(() => pool.All(p => sink.CountFor(p.Email) == 1), TimeSpan.FromSeconds(60)), "the pool's welcome e-mails did not all arrive once");

        var runs = new List<Run>();
        var step = 0;
        if (rates is { Count: > 0 })
        {
            foreach (var rate in rates)
            {
                runs.Add(await RunOnceAsync(++step, rate, searchDuration, hosts, clients, sink, pool, cookies, adminCookie, importRows, report));
            }
        }
        else
        {
            // Up from 60 % of the hashing bound by steps of 15 % while p95 holds, down by 15 % from the first that fails.
            var rate = Math.Round(0.6 * bound, 1);
            bool? lastHeld = null;
            for (var i = 0; i < 5; i++)
            {
                var run = await RunOnceAsync(++step, rate, searchDuration, hosts, clients, sink, pool, cookies, adminCookie, importRows, report);
                runs.Add(run);
                if (lastHeld is { } held && held != run.Holds)
                {
                    break;
                }

                lastHeld = run.Holds;
                rate = Math.Round(run.Holds ? rate * 1.15 : rate / 1.15, 1);
            }
        }

        var best = runs.Where(r => r.Holds).Select(r => r.Rate).DefaultIfEmpty(runs.Min(r => r.Rate)).Max();
        var final = await RunOnceAsync(++step, best, finalDuration, hosts, clients, sink, pool, cookies, adminCookie, importRows, report);
        runs.Add(final);

        foreach (var run in runs)
        {
            var tag = Invariant($"r{run.Rate:0.0}-{run.Duration.TotalSeconds:0}s");
            foreach (var kind in Kinds)
            {
                foreach (var o in run.Outcomes.Where(o => o.Kind == kind))
                {
                    report.Sample($"{tag}.{kind}.ms", o.LatencyMs);
                    report.Sample($"{tag}.{kind}.status", o.Status);
                    report.Sample($"{tag}.{kind}.dueS", o.DueSeconds);
                }
            }

            report.Sample($"{tag}.import.s", run.ImportSeconds);
            report.Sample($"{tag}.import.status", run.ImportStatus);
            report.Notes.Add(Invariant($"Run at {run.Rate:0.0} req/s for {run.Duration.TotalSeconds:0} s ({run.Outcomes.Count} requests, {run.Dropped} dropped; load average {run.LoadBefore} before, {run.LoadAfter} after): ")
                + string.Join("; ", Kinds.Select(k => Invariant($"{k} n={run.Latencies(k).Count()} p50 {run.P(k, 50):0} / p95 {run.P(k, 95):0} / p99 {run.P(k, 99):0} ms")))
                + Invariant($"; import of {importRows:N0} rows {run.ImportSeconds:0.0} s ({run.ImportStatus}, {run.ImportCreated} created); 5xx {run.ServerErrors}, unexpected answers {run.Unexpected}; {run.MessageCheck}; p95 ≤ 1 s for sign-in and activation: {(run.Holds ? "yes" : "no")}."));
        }

        var name = Invariant($"September rush, 2 instances, {final.Rate:0.0} req/s for {final.Duration.TotalSeconds:0} s");
        foreach (var kind in Kinds)
        {
            var hashes = kind is "signIn" or "activation";
            report.Rows.Add(new ResultRow(name, Invariant($"{kind}: p50 {final.P(kind, 50):0} ms, p99 {final.P(kind, 99):0} ms; p95 →"), final.P(kind, 95), "ms",
                hashes ? "one hash" : null, hashes ? hashMs : null, hashes ? final.P(kind, 95) / hashMs : null,
                hashes ? "≤ 1,000 ms (p95)" : "—", hashes ? final.P(kind, 95) <= LatencyTargetMs : null));
        }

        report.Rows.Add(new ResultRow(name, "5xx answers (and connection failures)", final.ServerErrors, "count", null, null, null, "0", final.ServerErrors == 0));
        report.Rows.Add(new ResultRow(name, "messages delivered exactly once", final.ExactlyOnce ? 1 : 0, "count", null, null, null, "all, once", final.ExactlyOnce));
        var activationsPerHourPerCore = best * ActivationShare * 3600 / cores;
        report.Rows.Add(new ResultRow("September rush", "highest rate found with p95 ≤ 1 s (sign-in, activation)", best, "req/s",
            "hashing bound of the mix", bound, best / bound, "—", null));
        report.Rows.Add(new ResultRow("September rush", Invariant($"activations per hour per core at that rate ({ActivationShare:P0} of {best:0.0} req/s)"), activationsPerHourPerCore, "/h/core",
            null, null, null, "—", null));
        report.Notes.Add(Invariant($"Mix: sign-in {SignInShare:P0}, activation {ActivationShare:P0}, reset request {ResetShare:P0}, account read {ReadShare:P0}; requests alternate between the two instances; {importRows:N0}-row import over HTTP by a platform administrator at half time. Each instance admits {perInstance} hash(es) at once (the two share {cores} cores). Search runs {searchDuration.TotalSeconds:0} s each, the last run {finalDuration.TotalSeconds:0} s. Samples per run: <tag>.<kind>.ms (latency from the due time), .status, .dueS (due time in the run)."));
        foreach (var run in runs)
        {
            report.Check(run.ServerErrors == 0, Invariant($"run at {run.Rate:0.0} req/s: {run.ServerErrors} answers were 5xx or failed"));
            report.Check(run.ExactlyOnce, Invariant($"run at {run.Rate:0.0} req/s: {run.MessageCheck}"));
        }

        return report;
    }

    private static async Task<Run> RunOnceAsync(
        int step, double rate, TimeSpan duration, ServiceHost[] hosts, HttpClient[] clients, SmtpSink sink,
        List<Accounts.Active> pool, List<string> cookies, string adminCookie, int importRows, BenchmarkReport report)
    {
        var expectedActivations = (int)Math.Ceiling(rate * ActivationShare * duration.TotalSeconds * 1.5) + 20;
        var expectedResets = (int)Math.Ceiling(rate * ResetShare * duration.TotalSeconds * 1.5) + 10;

        // Pending people with their codes (imported, as a school would), and people who will ask for a reset (activated).
        var pending = await PendingAsync(hosts[step % 2], step, expectedActivations);
        var resetters = await Accounts.CreateActiveAsync(hosts[(step + 1) % 2], clients[(step + 1) % 2], expectedResets,
            emailDomain: Invariant($"reset{step}.bench"), seed: 100 + step, externalIdSuffix: Invariant($"R{step}"));
        var setupArrived = await SmtpSink.WaitUntilAsync(() => resetters.All(p => sink.CountFor(p.Email) == 1), TimeSpan.FromSeconds(60));
        report.Check(setupArrived, Invariant($"step {step}: the reset people's welcome e-mails did not all arrive"));
        await Task.Delay(TimeSpan.FromSeconds(1));

        var random = new Random(1000 + step);
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<Outcome>();
        var activated = new System.Collections.Concurrent.ConcurrentBag<string>();
        var resetsSent = new System.Collections.Concurrent.ConcurrentBag<string>();
        var nextPending = -1;
        var nextReset = -1;
        var loadBefore = Machine.LoadAverage();
        Console.WriteLine(Invariant($"  rush step {step}: {rate:0.0} req/s for {duration.TotalSeconds:0} s (load average {loadBefore})"));

        async Task<int> SendAsync(string kind, int n)
        {
            var client = clients[n % 2];
            switch (kind)
            {
                case "signIn":
                {
                    using var response = await client.PostAsync("/api/auth/sign-in", Accounts.SignInBody(pool[n % pool.Count].Identifier));
                    return (int)response.StatusCode;
                }

                case "activation":
                {
                    var i = Interlocked.Increment(ref nextPending);
                    if (i >= pending.Count)
                    {
                        return -1;
                    }

                    var (identifier, code) = pending[i];
                    var email = Invariant($"{identifier}@act{step}.bench");
                    using var response = await client.PostAsJsonAsync("/api/activation", new
                    {
                        identifier, activationCode = code, password = Accounts.Password, passwordConfirmation = Accounts.Password,
                        email, acceptTerms = true, rememberMe = false,
                    });
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        activated.Add(email);
                    }

                    return (int)response.StatusCode;
                }

                case "reset":
                {
                    var i = Interlocked.Increment(ref nextReset);
                    if (i >= resetters.Count)
                    {
                        return -1;
                    }

                    using var response = await client.PostAsJsonAsync("/api/password-reset", new { identifier = resetters[i].Identifier, channel = "email" });
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        resetsSent.Add(resetters[i].Email);
                    }

                    return (int)response.StatusCode;
                }

                default:
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, "/api/account");
                    request.Headers.Add("Cookie", cookies[n % cookies.Count]);
                    using var response = await client.SendAsync(request);
                    await response.Content.LoadIntoBufferAsync();
                    return (int)response.StatusCode;
                }
            }
        }

        // The import, at half time, on the instance that did not set this step up.
        double importSeconds = 0;
        var importStatus = 0;
        var importCreated = 0;
        var import = Task.Run(async () =>
        {
            await Task.Delay(duration / 2);
            var csv = Roster.GenerateUtf8(importRows, seed: 500 + step, externalIdSuffix: Invariant($"I{step}"));
            using var request = new HttpRequestMessage(HttpMethod.Post, Invariant($"/api/admin/establishments/{ServiceHost.Uai}/imports?format=json"))
            {
                Content = new ByteArrayContent(csv) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv") } },
            };
            request.Headers.Add("Cookie", adminCookie);
            var started = Stopwatch.GetTimestamp();
            try
            {
                using var response = await clients[(step + 1) % 2].SendAsync(request);
                var body = await response.Content.ReadAsByteArrayAsync();
                importSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                importStatus = (int)response.StatusCode;
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    importCreated = JsonDocument.Parse(body).RootElement.GetProperty("created").GetInt32();
                }
            }
            catch (HttpRequestException)
            {
                importSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            }
        });

        // Open loop: Poisson arrivals at the mean rate, the kind of each drawn from the mix; latency from the due time.
        var inFlight = new List<Task>();
        var outstanding = 0;
        var dropped = 0;
        var clock = Stopwatch.StartNew();
        var next = 0.0;
        var n = 0;
        while (next < duration.TotalSeconds)
        {
            await LoadGenerator.WaitUntilAsync(clock, next);
            var due = next;
            next += LoadGenerator.NextGap(random, rate);
            var roll = random.NextDouble();
            var kind = roll < SignInShare ? "signIn" : roll < SignInShare + ActivationShare ? "activation" : roll < SignInShare + ActivationShare + ResetShare ? "reset" : "read";
            if (Volatile.Read(ref outstanding) >= 5_000)
            {
                dropped++;
                continue;
            }

            Interlocked.Increment(ref outstanding);
            var index = n++;
            inFlight.Add(Task.Run(async () =>
            {
                int status;
                try
                {
                    status = await SendAsync(kind, index);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    status = 0;
                }
                finally
                {
                    Interlocked.Decrement(ref outstanding);
                }

                if (status != -1)
                {
                    outcomes.Add(new Outcome(kind, due, (clock.Elapsed.TotalSeconds - due) * 1000, status));
                }
            }));
        }

        await Task.WhenAll(inFlight);
        await import;
        var loadAfter = Machine.LoadAverage();

        // Exactly once: every activation's welcome e-mail and every reset's link arrives, once, and nothing more comes.
        var expected = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var email in activated)
        {
            expected[email] = 1;
        }

        foreach (var r in resetters)
        {
            expected[r.Email] = 1; // its welcome e-mail, before the run
        }

        foreach (var email in resetsSent)
        {
            expected[email]++;
        }

        var arrived = await SmtpSink.WaitUntilAsync(() => expected.All(e => sink.CountFor(e.Key) >= e.Value), TimeSpan.FromSeconds(180), pollMilliseconds: 50);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var wrong = expected.Where(e => sink.CountFor(e.Key) != e.Value).ToList();
        var strays = sink.ByPrefix(string.Empty).Keys.Count(k => k.EndsWith(Invariant($"@act{step}.bench"), StringComparison.OrdinalIgnoreCase) && !expected.ContainsKey(k));
        var exactlyOnce = arrived && wrong.Count == 0 && strays == 0;
        var check = Invariant($"{activated.Count} welcome and {resetsSent.Count} reset e-mails expected: ")
            + (exactlyOnce ? "each arrived exactly once" : Invariant($"{wrong.Count} recipients with the wrong count (e.g. {string.Join(", ", wrong.Take(3).Select(w => $"{w.Key}: {sink.CountFor(w.Key)} of {w.Value}"))}), {strays} unexpected"));
        var run = new Run(rate, duration, [.. outcomes.OrderBy(o => o.DueSeconds)], importSeconds, importStatus, importCreated, dropped, exactlyOnce, check, loadBefore, loadAfter);
        Console.WriteLine(Invariant($"    ") + string.Join("; ", Kinds.Select(k => Invariant($"{k} p95 {run.P(k, 95):0} ms"))) + Invariant($"; import {importSeconds:0.0} s ({importStatus}); 5xx {run.ServerErrors}; {check}"));
        return run;
    }

    /// <summary>Imports <paramref name="count"/> people in-process (their codes are needed by the load) and returns identifier and code of each.</summary>
    private static async Task<List<(string Identifier, string Code)>> PendingAsync(ServiceHost host, int step, int count)
    {
        await using var scope = host.Services.CreateAsyncScope();
        using var csv = new MemoryStream(Roster.GenerateUtf8(count, seed: 200 + step, externalIdSuffix: Invariant($"A{step}")));
        var imported = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ImportRosterCommand(Actor.Operator, ServiceHost.Uai, csv, DryRun: false));
        return [.. imported.Batch.Accounts.Select(a => (a.Identifier, a.ActivationCode!))];
    }

    /// <summary>A platform administrator, issued as the command line does, activated and signed in over HTTP: its session cookie.</summary>
    private static async Task<string> AdministratorCookieAsync(ServiceHost host, HttpClient client)
    {
        IssuedAdministratorDto admin;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            admin = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new IssueAdministratorCommand(Actor.Operator, null, "Claire", "Martin", PlatformAdmin: true));
        }

        using var activation = await client.PostAsJsonAsync("/api/activation", new
        {
            identifier = admin.Identifier, activationCode = admin.ActivationCode, password = Accounts.Password, passwordConfirmation = Accounts.Password,
            email = "claire.martin@admin.bench", acceptTerms = true, rememberMe = false,
        });
        activation.EnsureSuccessStatusCode();
        return await Accounts.SessionCookieAsync(client, admin.Identifier);
    }

    private static double OneHashMs()
    {
        var hasher = new Pbkdf2PasswordHasher(Options.Create(new SecurityOptions()));
        var hash = hasher.Hash(Accounts.Password);
        var times = new List<double>();
        for (var i = 0; i < 13; i++)
        {
            var clock = Stopwatch.StartNew();
            hasher.Verify(hash, Accounts.Password);
            if (i >= 2)
            {
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return Stats.Median(times);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
