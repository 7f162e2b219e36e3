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

        await using var host = await ServiceHost.StartAsync();
        var concurrency = Math.Max(4, cores * 4);
        using var client = host.CreateClient(concurrency * 2);
        var people = await Accounts.CreateActiveAsync(host, client, Math.Max(accounts, concurrency));
        await Task.Delay(TimeSpan.FromSeconds(duration.TotalSeconds >= 10 ? 3 : 0.5)); // the welcome e-mails leave first

        async Task<bool> SignIn(int n, CancellationToken ct)
        {
            using var response = await client.PostAsync("/api/auth/sign-in", Accounts.SignInBody(people[n % people.Count].Identifier), ct);
            return response.StatusCode == HttpStatusCode.OK;
        }

        await LoadGenerator.ClosedAsync(concurrency, TimeSpan.FromSeconds(Math.Min(3, duration.TotalSeconds)), int.MaxValue, SignIn); // warm-up
        var throughputs = new List<double>();
        var parallelHashes = new List<double>();
        var errors = 0;
        for (var rep = 0; rep < repetitions; rep++)
        {
            // What the cores deliver right now, hashing alone on every core (this machine is shared): the same-time reference.
            var hashing = ParallelHashThroughput(hasher, hash, cores, duration);
            parallelHashes.Add(hashing);
            report.Sample("parallelHash.perS", hashing);
            var run = await LoadGenerator.ClosedAsync(concurrency, duration, int.MaxValue, SignIn);
            Console.WriteLine(Invariant($"  sign-in closed loop ×{concurrency} rep {rep + 1}: {run.Throughput:0.0} req/s, p50 {run.P50:0} ms, errors {run.Errors} (PBKDF2 alone on {cores} threads just before: {hashing:0.0}/s)"));
            throughputs.Add(run.Throughput);
            report.Sample("closed.reqPerS", run.Throughput);
            errors += run.Errors;
        }

        var capacity = Stats.Median(throughputs);
        var half = await LoadGenerator.OpenAsync(capacity / 2, halfLoadDuration, 10_000, SignIn);
        Console.WriteLine(Invariant($"  sign-in open loop at {capacity / 2:0.0} req/s: p50 {half.P50:0} ms, p95 {half.P95:0} ms, p99 {half.P99:0} ms ({half.Completed} requests, errors {half.Errors})"));
        errors += half.Errors;

        report.Rows.Add(new ResultRow("Sign-in capacity", "one PBKDF2-SHA512 verification, 210,000 iterations", hashMs, "ms", null, null, null, "—", null));
        report.Rows.Add(new ResultRow("Sign-in capacity", Invariant($"POST /api/auth/sign-in throughput, {concurrency} clients"), capacity, "req/s",
            Invariant($"bound {cores} cores ÷ hash"), bound, capacity / bound, "≥ 0.85 × bound", capacity / bound >= 0.85));
        var parallelMedian = Stats.Median(parallelHashes);
        report.Rows.Add(new ResultRow("Sign-in capacity", "same, against PBKDF2 alone on every core just before each run", capacity, "req/s",
            "parallel hashing, same run", parallelMedian, capacity / parallelMedian, "— (noise check)", null));
        report.Rows.Add(new ResultRow("Sign-in capacity", Invariant($"p95 latency at half load ({capacity / 2:0.0} req/s, Poisson)"), half.P95, "ms",
            "one hash", hashMs, half.P95 / hashMs, "≤ 3 × one hash", half.P95 <= 3 * hashMs));
        report.Notes.Add(Invariant($"Hash: median of {hashTimes.Count} verifications on one thread (after 2 warm-ups). Throughput: median of {repetitions} closed-loop runs of {duration.TotalSeconds:0} s, {people.Count} distinct active accounts. Half load: {half.Completed} requests over {halfLoadDuration.TotalSeconds:0} s, p50 {half.P50:0} ms, p99 {half.P99:0} ms."));
        report.Check(errors == 0, $"{errors} sign-in requests failed");
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
