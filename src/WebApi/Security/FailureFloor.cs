using Ent77.Infrastructure;
using Microsoft.Extensions.Options;

namespace Ent77.WebApi.Security;

/// <summary>
/// Sign-in and activation failures are answered no sooner than <c>Security:SignInFailureFloor</c> (250 ms by default)
/// after the endpoint took the request. A known account's failure does more work than an unknown identifier's (its
/// aggregate is loaded and its failure counted); waiting up to one fixed time makes every failure take the same time,
/// so timing tells nothing (docs/adr/0004). Real time, not the injected clock: this is about what a client measures.
/// </summary>
public static class FailureFloor
{
    public static async Task WaitAsync(HttpContext http, long startedTimestamp)
    {
        ArgumentNullException.ThrowIfNull(http);
        var floor = http.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.SignInFailureFloor;

        // Timers run on a coarse clock (a few milliseconds on Linux) and may fire a little early: wait again until the
        // floor is really reached, so that no failure is answered before it.
        for (var remaining = floor - TimeProvider.System.GetElapsedTime(startedTimestamp); remaining > TimeSpan.Zero;
             remaining = floor - TimeProvider.System.GetElapsedTime(startedTimestamp))
        {
            await Task.Delay(remaining < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : remaining, TimeProvider.System, http.RequestAborted);
        }
    }
}
