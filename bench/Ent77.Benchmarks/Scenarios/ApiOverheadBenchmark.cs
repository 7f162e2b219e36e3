using System.Globalization;
using System.Net;
using Ent77.Benchmarks.Harness;

namespace Ent77.Benchmarks.Scenarios;

/// <summary>
/// 4. API overhead. <c>GET /api/account</c> with a session cookie (cookie decrypted, session re-checked, account read
/// and mapped) against a bare endpoint mapped into the same service, so behind the same middleware (forwarded
/// headers, security headers, exception handler, routing, size limit, CSRF header rule, authentication, rate
/// limiter, authorisation), that answers a constant JSON without a session. Closed-loop capacity of each,
/// interleaved; then the account endpoint at half of its peak (open loop, Poisson arrivals) for its p99.
/// </summary>
internal static class ApiOverheadBenchmark
{
    public const string BarePath = "/bench/bare";

    public static async Task<BenchmarkReport> RunAsync(TimeSpan duration, int repetitions, TimeSpan halfLoadDuration)
    {
        var report = new BenchmarkReport("api", "4. Session check and API overhead");
        await using var host = await ServiceHost.StartAsync(configure: app => app.MapGet(BarePath, () => TypedResults.Ok(new { ok = true })).AllowAnonymous());
        var concurrency = 32;
        using var client = host.CreateClient(concurrency);
        var person = (await Accounts.CreateActiveAsync(host, client, 1))[0];
        var cookie = await Accounts.SessionCookieAsync(client, person.Identifier);

        // On PostgreSQL the session check has a cache (kept right by LISTEN/NOTIFY); the same service without it
        // (Sessions:CacheLifetime 0, a database read per request, as on SQLite) is the same-run baseline.
        await using var uncached = BenchDatabase.Postgres ? await ServiceHost.StartAsync(new Dictionary<string, string?> { ["Sessions:CacheLifetime"] = "00:00:00" }) : null;
        using var uncachedClient = uncached?.CreateClient(concurrency);
        var uncachedCookie = uncached is null ? null : await Accounts.SessionCookieAsync(uncachedClient!, (await Accounts.CreateActiveAsync(uncached, uncachedClient!, 1))[0].Identifier);

        Func<int, CancellationToken, Task<bool>> AccountOn(HttpClient to, string session) => async (n, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/account");
            request.Headers.Add("Cookie", session);
            using var response = await to.SendAsync(request, ct);
            await response.Content.LoadIntoBufferAsync(ct);
            return response.StatusCode == HttpStatusCode.OK;
        };
        var account = AccountOn(client, cookie);
        var accountUncached = uncached is null ? null : AccountOn(uncachedClient!, uncachedCookie!);

        async Task<bool> Bare(int n, CancellationToken ct)
        {
            using var response = await client.GetAsync(BarePath, ct);
            await response.Content.LoadIntoBufferAsync(ct);
            return response.StatusCode == HttpStatusCode.OK;
        }

        report.Check(await account(0, default), "GET /api/account with the session cookie did not answer 200");
        await BreakdownAsync(host, person, report, Bare, account);
        var warmUp = TimeSpan.FromSeconds(Math.Min(3, duration.TotalSeconds));
        await LoadGenerator.ClosedAsync(concurrency, warmUp, int.MaxValue, Bare);
        await LoadGenerator.ClosedAsync(concurrency, warmUp, int.MaxValue, account);
        if (accountUncached is not null)
        {
            await LoadGenerator.ClosedAsync(concurrency, warmUp, int.MaxValue, accountUncached);
        }

        var bare = new List<double>();
        var peaks = new List<double>();
        var uncachedPeaks = new List<double>();
        var errors = 0;
        for (var rep = 0; rep < repetitions; rep++)
        {
            var b = await LoadGenerator.ClosedAsync(concurrency, duration, 5_000_000, Bare);
            var a = await LoadGenerator.ClosedAsync(concurrency, duration, 5_000_000, account);
            var u = accountUncached is null ? null : await LoadGenerator.ClosedAsync(concurrency, duration, 5_000_000, accountUncached);
            bare.Add(b.Throughput);
            peaks.Add(a.Throughput);
            errors += a.Errors + b.Errors + (u?.Errors ?? 0);
            report.Sample("bare.reqPerS", b.Throughput);
            report.Sample("account.reqPerS", a.Throughput);
            if (u is not null)
            {
                uncachedPeaks.Add(u.Throughput);
                report.Sample("accountUncached.reqPerS", u.Throughput);
            }

            Console.WriteLine(Invariant($"  api rep {rep + 1}: bare {b.Throughput:0} req/s (p99 {b.P99:0.0} ms), /api/account {a.Throughput:0} req/s (p99 {a.P99:0.0} ms)")
                + (u is null ? string.Empty : Invariant($", uncached {u.Throughput:0} req/s (p99 {u.P99:0.0} ms)")));
        }

        var bareMedian = Stats.Median(bare);
        var peak = Stats.Median(peaks);
        var half = await LoadGenerator.OpenAsync(peak / 2, halfLoadDuration, 5_000, account);
        errors += half.Errors;
        foreach (var l in half.LatenciesMs)
        {
            report.Sample("halfLoad.account.ms", l);
        }

        Console.WriteLine(Invariant($"  /api/account open loop at {peak / 2:0} req/s: p50 {half.P50:0.00} ms, p99 {half.P99:0.00} ms ({half.Completed} requests, {half.Dropped} dropped)"));
        LoadResult? uncachedHalf = null;
        if (accountUncached is not null)
        {
            // The same arrivals on the uncached service: what the cache changes at this load.
            uncachedHalf = await LoadGenerator.OpenAsync(peak / 2, halfLoadDuration, 5_000, accountUncached);
            foreach (var l in uncachedHalf.LatenciesMs)
            {
                report.Sample("halfLoad.accountUncached.ms", l);
            }

            Console.WriteLine(Invariant($"  uncached, same arrivals: p50 {uncachedHalf.P50:0.00} ms, p99 {uncachedHalf.P99:0.00} ms ({uncachedHalf.Completed} requests, {uncachedHalf.Dropped} dropped)"));
        }

        var name = Invariant($"Session check ({BenchDatabase.Name})");
        report.Rows.Add(new ResultRow(name, Invariant($"GET /api/account peak throughput, {concurrency} connections"), peak, "req/s",
            null, null, null, "≥ 2,000 req/s", peak >= 2000));
        report.Rows.Add(new ResultRow(name, Invariant($"GET /api/account p99 at half of peak ({peak / 2:0} req/s, Poisson)"), half.P99, "ms",
            null, null, null, "≤ 20 ms", half.P99 <= 20));
        if (uncachedHalf is not null)
        {
            var uncachedPeak = Stats.Median(uncachedPeaks);
            report.Rows.Add(new ResultRow(name, "same peak, without the session cache (a read per request)", uncachedPeak, "req/s",
                "with the cache", peak, uncachedPeak / peak, "— (before)", null));
            report.Rows.Add(new ResultRow(name, Invariant($"same p99, without the session cache, same arrivals"), uncachedHalf.P99, "ms",
                "with the cache", half.P99, uncachedHalf.P99 / half.P99, "— (before)", null));
        }

        report.Rows.Add(new ResultRow(name, "GET /api/account peak against a bare endpoint", peak, "req/s",
            "bare endpoint, same middleware", bareMedian, peak / bareMedian, "— (overhead)", null));
        report.Notes.Add(Invariant($"Medians of {repetitions} interleaved closed-loop runs of {duration.TotalSeconds:0} s; the load generator shares the {Environment.ProcessorCount} cores with the service (and, on PostgreSQL, with the database server). Half load: {half.Completed} requests over {halfLoadDuration.TotalSeconds:0} s, p50 {half.P50:0.00} ms, p95 {half.P95:0.00} ms, p99 {half.P99:0.00} ms (samples halfLoad.account.ms). Load average at the end: {Machine.LoadAverage()}."));
        report.Check(errors == 0 && half.Dropped == 0, Invariant($"{errors} requests failed, {half.Dropped} dropped"));
        return report;
    }

    /// <summary>
    /// A stopwatch breakdown of one request, sequential (one at a time, so without queueing): the bare endpoint and
    /// the account endpoint over HTTP, and the two mediator calls the account request makes, each in a new DI scope
    /// as a request has: the session check (cookie validation) and the account view.
    /// </summary>
    private static async Task BreakdownAsync(ServiceHost host, Accounts.Active person, BenchmarkReport report, Func<int, CancellationToken, Task<bool>> bare, Func<int, CancellationToken, Task<bool>> account)
    {
        const int Count = 2_000;
        Guid id;
        Guid sessionId;
        string stamp;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var found = await scope.ServiceProvider.GetRequiredService<Ent77.Application.Accounts.IAccountRepository>()
                .FindByIdentifierAsync(Ent77.Domain.Accounts.Identifier.FromStored(person.Identifier), default);
            (id, stamp) = (found!.Id.Value, found.SecurityStamp);
            var session = Ent77.Domain.Accounts.Session.Start(found, rememberMe: false, "bench", Ent77.Domain.Accounts.SessionPolicy.Default, DateTimeOffset.UtcNow);
            scope.ServiceProvider.GetRequiredService<Ent77.Application.Accounts.Sessions.ISessionRepository>().Add(session);
            await scope.ServiceProvider.GetRequiredService<Ent77.Application.Common.Ports.IUnitOfWork>().SaveChangesAsync(default);
            sessionId = session.Id.Value;
        }

        async Task<double> TimeAsync(string name, Func<int, Task> work)
        {
            for (var i = 0; i < Count / 4; i++)
            {
                await work(i);
            }

            var samples = new double[Count];
            for (var i = 0; i < Count; i++)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await work(i);
                samples[i] = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            }

            var median = Stats.Median(samples);
            report.Sample($"breakdown.{name}.us", median);
            return median;
        }

        async Task Send<T>(Mediator.IMessage message)
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Mediator.ISender>().Send((object)message);
        }

        var bareUs = await TimeAsync("bare-http", i => bare(i, default));
        var accountUs = await TimeAsync("account-http", i => account(i, default));
        var sessionUs = await TimeAsync("session-check", _ => Send<bool>(new Ent77.Application.Accounts.CheckSession.CheckSessionQuery(sessionId, id, stamp)));
        var viewUs = await TimeAsync("account-view", _ => Send<object>(new Ent77.Application.Accounts.GetCurrentAccount.GetCurrentAccountQuery(id)));
        var line = Invariant($"Stopwatch breakdown (medians of {Count} sequential calls): bare over HTTP {bareUs:0} µs; GET /api/account over HTTP {accountUs:0} µs, of which the session check (CheckSessionQuery in a new scope) {sessionUs:0} µs and the account view (GetCurrentAccountQuery in a new scope) {viewUs:0} µs; the rest (cookie decryption, JSON, HTTP) ≈ {accountUs - bareUs - sessionUs - viewUs:0} µs over the bare request.");
        Console.WriteLine("  " + line);
        report.Notes.Add(line);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
