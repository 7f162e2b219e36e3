using System.Diagnostics;
using System.Globalization;
using System.Net;
using Ent77.Benchmarks.Harness;
using Ent77.Infrastructure;
using Ent77.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace Ent77.Benchmarks.Scenarios;

/// <summary>
/// 2. Sign-in capacity. The cost of one PBKDF2 verification alone (production 210,000 iterations, one thread) gives
/// the bound: cores ÷ hash time. Then <c>POST /api/auth/sign-in</c> over loopback with enough concurrent clients
/// to keep every core busy (closed loop), and at half of the throughput found (open loop, Poisson arrivals) the
/// latency.
/// </summary>
internal static class SignInBenchmark
{
    public static async Task<BenchmarkReport> RunAsync(int accounts, int hashSamples, TimeSpan duration, int repetitions, TimeSpan halfLoadDuration)
    {
        var report = new BenchmarkReport("sign-in", "2. Sign-in capacity");
        var hasher = new Pbkdf2PasswordHasher(Options.Create(new SecurityOptions()));
        report.Check(hasher.Iterations == 210_000, $"the hasher runs {hasher.Iterations} iterations, not the production 210,000");
        var hash = hasher.Hash(Accounts.Password);
        var hashTimes = new List<double>();
        for (var i = 0; i < hashSamples + 2; i++)
        {
            var clock = Stopwatch.StartNew();
            hasher.Verify(hash, Accounts.Password);
            if (i >= 2)
            {
                hashTimes.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        var hashMs = Stats.Median(hashTimes);
        var cores = Environment.ProcessorCount;
        var bound = cores / (hashMs / 1000);
        Console.WriteLine(Invariant($"  one PBKDF2 verification: {hashMs:0.0} ms → bound {bound:0.0} sign-ins/s on {cores} cores"));
        foreach (var t in hashTimes)
        {
            report.Sample("hash.ms", t);
        }

        // The service as configured (the hashing gate admits one hash per core), and beside it the same service with the
        // gate opened wide (every request hashes at once, the cores shared among them): the same-run baseline of the latency.
        await using var host = await ServiceHost.StartAsync();
        await using var ungated = await ServiceHost.StartAsync(new Dictionary<string, string?> { ["Security:PasswordHashConcurrency"] = "1000" });
        var concurrency = Math.Max(4, cores * 4);
        using var client = host.CreateClient(concurrency * 2);
        using var ungatedClient = ungated.CreateClient(concurrency * 2);
        var people = await Accounts.CreateActiveAsync(host, client, Math.Max(accounts, concurrency));
        var ungatedPeople = await Accounts.CreateActiveAsync(ungated, ungatedClient, Math.Max(accounts, concurrency));
        await Task.Delay(TimeSpan.FromSeconds(duration.TotalSeconds >= 10 ? 3 : 0.5)); // the welcome e-mails leave first

        Func<int, CancellationToken, Task<bool>> SignInOn(HttpClient to, List<Accounts.Active> who) => async (n, ct) =>
        {
            using var response = await to.PostAsync("/api/auth/sign-in", Accounts.SignInBody(who[n % who.Count].Identifier), ct);
            return response.StatusCode == HttpStatusCode.OK;
        };
        var signIn = SignInOn(client, people);
        var ungatedSignIn = SignInOn(ungatedClient, ungatedPeople);

        var warmUp = TimeSpan.FromSeconds(Math.Min(3, duration.TotalSeconds));
        await LoadGenerator.ClosedAsync(concurrency, warmUp, int.MaxValue, signIn);
        await LoadGenerator.ClosedAsync(concurrency, warmUp, int.MaxValue, ungatedSignIn);
        var throughputs = new List<double>();
        var ungatedThroughputs = new List<double>();
        var parallelHashes = new List<double>();
        var errors = 0;
        for (var rep = 0; rep < repetitions; rep++)
        {
            // What the cores deliver right now, hashing alone on every core (this machine is shared): the same-time reference.
            var hashing = ParallelHashThroughput(hasher, hash, cores, duration);
            parallelHashes.Add(hashing);
            report.Sample("parallelHash.perS", hashing);
            var run = await LoadGenerator.ClosedAsync(concurrency, duration, int.MaxValue, signIn);
            var open = await LoadGenerator.ClosedAsync(concurrency, duration, int.MaxValue, ungatedSignIn);
            Console.WriteLine(Invariant($"  sign-in closed loop ×{concurrency} rep {rep + 1}: gated {run.Throughput:0.0} req/s (p50 {run.P50:0} ms), ungated {open.Throughput:0.0} req/s (p50 {open.P50:0} ms), errors {run.Errors + open.Errors} (PBKDF2 alone on {cores} threads just before: {hashing:0.0}/s)"));
            throughputs.Add(run.Throughput);
            ungatedThroughputs.Add(open.Throughput);
            report.Sample("closed.reqPerS", run.Throughput);
            report.Sample("closedUngated.reqPerS", open.Throughput);
            errors += run.Errors + open.Errors;
        }

        // Half load: the same Poisson arrivals (same seed, same rate) on each service, interleaved; every latency kept,
        // counted from the moment the request was due.
        var capacity = Stats.Median(throughputs);
        var rate = capacity / 2;
        var gatedLatencies = new List<double>();
        var ungatedLatencies = new List<double>();
        // Short runs, alternated, so that a noisy neighbour (the machine is shared) weighs on both services alike.
        var halfRuns = Math.Max(1, (int)Math.Round(halfLoadDuration.TotalSeconds / 10));
        var halfEach = TimeSpan.FromSeconds(halfLoadDuration.TotalSeconds / halfRuns);
        for (var rep = 0; rep < halfRuns; rep++)
        {
            var gated = await LoadGenerator.OpenAsync(rate, halfEach, 10_000, signIn, seed: 77 + rep);
            var wide = await LoadGenerator.OpenAsync(rate, halfEach, 10_000, ungatedSignIn, seed: 77 + rep);
            Console.WriteLine(Invariant($"  sign-in open loop at {rate:0.0} req/s rep {rep + 1}: gated p50 {gated.P50:0} / p95 {gated.P95:0} / p99 {gated.P99:0} ms; ungated p50 {wide.P50:0} / p95 {wide.P95:0} / p99 {wide.P99:0} ms"));
            gatedLatencies.AddRange(gated.LatenciesMs);
            ungatedLatencies.AddRange(wide.LatenciesMs);
            errors += gated.Errors + wide.Errors + gated.Dropped + wide.Dropped;
        }

        foreach (var l in gatedLatencies)
        {
            report.Sample("halfLoad.gated.ms", l);
        }

        foreach (var l in ungatedLatencies)
        {
            report.Sample("halfLoad.ungated.ms", l);
        }

        var p95 = Stats.Percentile(gatedLatencies, 95);
        var ungatedP95 = Stats.Percentile(ungatedLatencies, 95);
        report.Rows.Add(new ResultRow("Sign-in capacity", "one PBKDF2-SHA512 verification, 210,000 iterations", hashMs, "ms", null, null, null, "—", null));
        report.Rows.Add(new ResultRow("Sign-in capacity", Invariant($"POST /api/auth/sign-in throughput, {concurrency} clients"), capacity, "req/s",
            Invariant($"bound {cores} cores ÷ hash"), bound, capacity / bound, "≥ 0.9 × bound", capacity / bound >= 0.9));
        var parallelMedian = Stats.Median(parallelHashes);
        report.Rows.Add(new ResultRow("Sign-in capacity", "same, against PBKDF2 alone on every core just before each run", capacity, "req/s",
            "parallel hashing, same run", parallelMedian, capacity / parallelMedian, "— (noise check)", null));
        report.Rows.Add(new ResultRow("Sign-in capacity", "same, gate opened wide (every request hashes at once)", Stats.Median(ungatedThroughputs), "req/s",
            Invariant($"bound {cores} cores ÷ hash"), bound, Stats.Median(ungatedThroughputs) / bound, "— (before the gate)", null));
        report.Rows.Add(new ResultRow("Sign-in capacity", Invariant($"p95 latency at half load ({rate:0.0} req/s, Poisson)"), p95, "ms",
            "one hash", hashMs, p95 / hashMs, "≤ 3 × one hash", p95 <= 3 * hashMs));
        report.Rows.Add(new ResultRow("Sign-in capacity", "same, gate opened wide (same arrivals)", ungatedP95, "ms",
            "one hash", hashMs, ungatedP95 / hashMs, "— (before the gate)", null));
        report.Notes.Add(Invariant($"Hash: median of {hashTimes.Count} verifications on one thread (after 2 warm-ups). Throughput: median of {repetitions} closed-loop runs of {duration.TotalSeconds:0} s per service, interleaved, {people.Count} distinct active accounts each. Gate: {host.Services.GetRequiredService<PasswordHashingGate>().Capacity} hashes at once; wide open: {ungated.Services.GetRequiredService<PasswordHashingGate>().Capacity}."));
        report.Notes.Add(Invariant($"Half load: {halfRuns} × {halfEach.TotalSeconds:0} s per service at {rate:0.0} req/s, the same Poisson arrivals on each, interleaved. Gated: {gatedLatencies.Count} requests, p50 {Stats.Median(gatedLatencies):0} ms, p95 {p95:0} ms, p99 {Stats.Percentile(gatedLatencies, 99):0} ms. Wide open: {ungatedLatencies.Count} requests, p50 {Stats.Median(ungatedLatencies):0} ms, p95 {ungatedP95:0} ms, p99 {Stats.Percentile(ungatedLatencies, 99):0} ms. Samples: halfLoad.gated.ms, halfLoad.ungated.ms."));
        report.Check(errors == 0, $"{errors} sign-in requests failed or were dropped");
        return report;
    }

    private static double ParallelHashThroughput(Pbkdf2PasswordHasher hasher, string hash, int threads, TimeSpan duration)
    {
        var count = 0;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, _ =>
        {
            while (clock.Elapsed < duration)
            {
                hasher.Verify(hash, Accounts.Password);
                Interlocked.Increment(ref count);
            }
        });
        return count / clock.Elapsed.TotalSeconds;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
