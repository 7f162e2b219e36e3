using System.Diagnostics;

namespace Ent77.Benchmarks.Harness;

/// <summary>What a load run saw: completed requests, errors, wall time and every latency.</summary>
internal sealed record LoadResult(int Completed, int Errors, TimeSpan Elapsed, double[] LatenciesMs, int Dropped = 0)
{
    public double Throughput => Completed / Elapsed.TotalSeconds;

    public double P50 => Stats.Percentile(LatenciesMs, 50);

    public double P95 => Stats.Percentile(LatenciesMs, 95);

    public double P99 => Stats.Percentile(LatenciesMs, 99);
}

/// <summary>
/// Load from inside this process over loopback, bounded in count and time. <see cref="ClosedAsync"/>: N workers
/// each sending the next request as soon as the last answered (capacity). <see cref="OpenAsync"/>: requests at a
/// fixed mean rate with Poisson arrivals, whatever the answers (latency at a given load); latency counts from the
/// moment a request was due, so a stalled server is not hidden (no coordinated omission).
/// </summary>
internal static class LoadGenerator
{
    public static async Task<LoadResult> ClosedAsync(int concurrency, TimeSpan duration, int maxRequests, Func<int, CancellationToken, Task<bool>> send)
    {
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var issued = -1;
        using var stop = new CancellationTokenSource(duration);
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(4096);
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref issued);
                if (n >= maxRequests)
                {
                    break;
                }

                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await send(n, CancellationToken.None);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    ok = false;
                }

                if (ok)
                {
                    mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed;
        var all = latencies.SelectMany(l => l).ToArray();
        return new LoadResult(all.Length, errors, elapsed, all);
    }

    public static async Task<LoadResult> OpenAsync(
        double ratePerSecond, TimeSpan duration, int maxOutstanding, Func<int, CancellationToken, Task<bool>> send, int seed = 77)
    {
        var random = new Random(seed);
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var errors = 0;
        var dropped = 0;
        var outstanding = 0;
        var inFlight = new List<Task>();
        var clock = Stopwatch.StartNew();
        var next = 0.0; // seconds from the start at which the next request is due
        var n = 0;
        while (next < duration.TotalSeconds)
        {
            await LoadGenerator.WaitUntilAsync(clock, next);
            var due = next;
            next += LoadGenerator.NextGap(random, ratePerSecond);
            if (Volatile.Read(ref outstanding) >= maxOutstanding)
            {
                dropped++;
                continue;
            }

            Interlocked.Increment(ref outstanding);
            var index = n++;
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    var ok = await send(index, CancellationToken.None);
                    if (ok)
                    {
                        latencies.Add((clock.Elapsed.TotalSeconds - due) * 1000);
                    }
                    else
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    Interlocked.Increment(ref errors);
                }
                finally
                {
                    Interlocked.Decrement(ref outstanding);
                }
            }));
        }

        await Task.WhenAll(inFlight);
        return new LoadResult(latencies.Count, errors, clock.Elapsed, [.. latencies], dropped);
    }

    /// <summary>Returns when <paramref name="clock"/> reaches <paramref name="due"/> seconds: sleeps, then yields for the last 2 ms.</summary>
    public static async Task WaitUntilAsync(Stopwatch clock, double due)
    {
        ArgumentNullException.ThrowIfNull(clock);
        for (var wait = due - clock.Elapsed.TotalSeconds; wait > 0; wait = due - clock.Elapsed.TotalSeconds)
        {
            if (wait > 0.002)
            {
                await Task.Delay(TimeSpan.FromSeconds(wait - 0.001));
            }
            else
            {
                await Task.Yield();
            }
        }
    }

    /// <summary>The gap to the next arrival of a Poisson process of <paramref name="ratePerSecond"/> (open loop).</summary>
    public static double NextGap(Random random, double ratePerSecond)
    {
        ArgumentNullException.ThrowIfNull(random);
        return -Math.Log(1 - random.NextDouble()) / ratePerSecond;
    }
}
