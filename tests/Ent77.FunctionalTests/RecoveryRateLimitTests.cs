using System.Net;
using System.Net.Http.Json;
using Ent77.FunctionalTests.Infrastructure;

namespace Ent77.FunctionalTests;

/// <summary>The recovery endpoints share the per-IP <c>RateLimits:Recovery</c> budget.</summary>
public sealed class RecoveryRateLimitTests : FunctionalTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:Recovery:PermitLimit"] = "2",
    };

    [Fact]
    public async Task TheThirdRecoveryRequest_Gets429()
    {
        var client = Factory.CreateApiClient();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/password-reset", new { identifier = "a.b", channel = "email" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/identifier-reminder", new { email = "a@example.fr" })).StatusCode);

        var limited = await client.PostAsJsonAsync("/api/password-reset/confirm", new { token = "x", password = "Tournesol-2027", passwordConfirmation = "Tournesol-2027" });

        await Http.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.Contains("Retry-After"));
    }
}
