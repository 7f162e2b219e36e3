using System.Diagnostics;
using Xunit;

namespace Ent77.TestSupport;

/// <summary>
/// Waiting for what happens in the background (the job server, a relay, another process): one way to poll for every
/// suite, so that none waits with <c>Thread.Sleep</c> or a guessed delay.
/// </summary>
public static class Eventually
{
    /// <summary>Long enough for a job's retry on a busy machine; a wait that passes it fails.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Polls until <paramref name="condition"/> holds; fails the test when it still does not after the timeout.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null)
    {
        if (!await HoldsWithinAsync(condition, timeout ?? DefaultTimeout))
        {
            Assert.Fail("The condition was not met in time.");
        }
    }

    /// <inheritdoc cref="WaitUntilAsync(Func{Task{bool}}, TimeSpan?)"/>
    public static Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null) =>
        WaitUntilAsync(() => Task.FromResult(condition()), timeout);

    /// <summary>Polls until <paramref name="condition"/> holds or <paramref name="timeout"/> passes; whether it held.</summary>
    public static async Task<bool> HoldsWithinAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(Interval);
        }

        return true;
    }

    /// <inheritdoc cref="HoldsWithinAsync(Func{Task{bool}}, TimeSpan)"/>
    public static Task<bool> HoldsWithinAsync(Func<bool> condition, TimeSpan timeout) =>
        HoldsWithinAsync(() => Task.FromResult(condition()), timeout);
}
