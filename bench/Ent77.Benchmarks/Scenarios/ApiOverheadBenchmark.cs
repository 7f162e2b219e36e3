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
        var report = new BenchmarkReport("api", "4. API overhead");
        await using var host = await ServiceHost.StartAsync(configure: app => app.MapGet(BarePath, () => TypedResults.Ok(new { ok = true })).AllowAnonymous());
        var concurrency = 32;
        using var client = host.CreateClient(concurrency);
        var person = (await Accounts.CreateActiveAsync(host, client, 1))[0];
        var cookie = await Accounts.SessionCookieAsync(client, person.Identifier);

        async Task<bool> Account(int n, CancellationToken ct)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/account");
            request.Headers.Add("Cookie", cookie);
            using var response = await client.SendAsync(request, ct);
            await response.Content.LoadIntoBufferAsync(ct);
            return response.StatusCode == HttpStatusCode.OK;
        }

        async Task<bool> Bare(int n, CancellationToken ct)
        {
            using var response = await client.GetAsync(BarePath, ct);
            await response.Content.LoadIntoBufferAsync(ct);
            return response.StatusCode == HttpStatusCode.OK;
        }

        report.Check(await Account(0, default), "GET /api/account with the session cookie did not answer 200");
        await BreakdownAsync(host, person, report, Bare, Account);
        var warmUp = TimeSpan.FromSeconds(Math.Min(3, duration.TotalSeconds));
        await LoadGenerator.ClosedAsync(concurrency, warmUp, int.MaxValue, Bare);
        await LoadGenerator.ClosedAsync(concurrency, warmUp, int.MaxValue, Account);

        var bare = new List<double>();
        var account = new List<double>();
        var errors = 0;
        for (var rep = 0; rep < repetitions; rep++)
        {
            var b = await LoadGenerator.ClosedAsync(concurrency, duration, 5_000_000, Bare);
            var a = await LoadGenerator.ClosedAsync(concurrency, duration, 5_000_000, Account);
            bare.Add(b.Throughput);
            account.Add(a.Throughput);
            errors += a.Errors + b.Errors;
            report.Sample("bare.reqPerS", b.Throughput);
            report.Sample("account.reqPerS", a.Throughput);
            Console.WriteLine(Invariant($"  api rep {rep + 1}: bare {b.Throughput:0} req/s (p99 {b.P99:0.0} ms), /api/account {a.Throughput:0} req/s (p99 {a.P99:0.0} ms)"));
        }

        var bareMedian = Stats.Median(bare);
        var accountMedian = Stats.Median(account);
        var half = await LoadGenerator.OpenAsync(accountMedian / 2, halfLoadDuration, 5_000, Account);
        errors += half.Errors;
        Console.WriteLine(Invariant($"  /api/account open loop at {accountMedian / 2:0} req/s: p50 {half.P50:0.00} ms, p99 {half.P99:0.00} ms ({half.Completed} requests, {half.Dropped} dropped)"));

        report.Rows.Add(new ResultRow("API overhead", Invariant($"GET /api/account throughput, {concurrency} connections"), accountMedian, "req/s",
            "bare endpoint, same middleware", bareMedian, accountMedian / bareMedian, "≥ 0.5 × bare", accountMedian / bareMedian >= 0.5));
        report.Rows.Add(new ResultRow("API overhead", Invariant($"GET /api/account p99 at half of peak ({accountMedian / 2:0} req/s, Poisson)"), half.P99, "ms",
            null, null, null, "≤ 20 ms", half.P99 <= 20));
        report.Notes.Add(Invariant($"Medians of {repetitions} interleaved closed-loop runs of {duration.TotalSeconds:0} s; the load generator shares the {Environment.ProcessorCount} cores with the service. Half load: {half.Completed} requests over {halfLoadDuration.TotalSeconds:0} s, p50 {half.P50:0.00} ms, p95 {half.P95:0.00} ms."));
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
        string stamp;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var found = await scope.ServiceProvider.GetRequiredService<Ent77.Application.Accounts.IAccountRepository>()
                .FindByIdentifierAsync(Ent77.Domain.Accounts.Identifier.FromStored(person.Identifier), default);
            (id, stamp) = (found!.Id.Value, found.SecurityStamp);
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
        var sessionUs = await TimeAsync("session-check", _ => Send<bool>(new Ent77.Application.Accounts.GetSessionState.GetSessionStateQuery(id, stamp)));
        var viewUs = await TimeAsync("account-view", _ => Send<object>(new Ent77.Application.Accounts.GetCurrentAccount.GetCurrentAccountQuery(id)));
        var line = Invariant($"Stopwatch breakdown (medians of {Count} sequential calls): bare over HTTP {bareUs:0} µs; GET /api/account over HTTP {accountUs:0} µs, of which the session check (GetSessionStateQuery in a new scope) {sessionUs:0} µs and the account view (GetCurrentAccountQuery in a new scope) {viewUs:0} µs; the rest (cookie decryption, JSON, HTTP) ≈ {accountUs - bareUs - sessionUs - viewUs:0} µs over the bare request.");
        Console.WriteLine("  " + line);
        report.Notes.Add(line);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
