using System.Net;
using System.Net.Http.Json;
using Ent77.FunctionalTests.Infrastructure;

namespace Ent77.FunctionalTests;

/// <summary>docs/API.md and docs/CONFIGURATION.md ("RateLimits"): per-IP limits on the anonymous endpoints; over the limit → 429 with Retry-After.</summary>
public sealed class RateLimitTests : FunctionalTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimits:Auth:PermitLimit"] = "3",
        ["RateLimits:Auth:Window"] = "00:01:00",
    };

    [Fact]
    public async Task TheFourthSignInWithinTheWindow_Gets429WithRetryAfter_AndIsNotProcessed()
    {
        var pending = await Factory.CreatePendingAccountAsync();
        var client = Factory.CreateApiClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(pending.Identifier, "Violette-2099"))).StatusCode);
        }

        var (verifications, audit) = (Factory.Hasher.Verifications, await Factory.CountAuditEventsAsync());

        var limited = await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(pending.Identifier, pending.Code));

        var problem = await Http.AssertProblemAsync(limited, HttpStatusCode.TooManyRequests, "Trop de tentatives.");
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        var retryAfter = Assert.Single(limited.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal(verifications, Factory.Hasher.Verifications);
        Assert.Equal(audit, await Factory.CountAuditEventsAsync());
        Assert.Equal(3, (await Factory.LoadAccountAsync(pending.Id)).FailedSignInCount);
    }

    [Fact]
    public async Task SignInAndActivation_ShareTheBudget_ButReadingPublicDataIsNotLimited()
    {
        var pending = await Factory.CreatePendingAccountAsync();
        var client = Factory.CreateApiClient();
        for (var i = 0; i < 3; i++)
        {
            await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(pending.Identifier, "Violette-2099"));
        }

        var activation = await client.PostAsJsonAsync("/api/activation", Requests.Activation(pending.Identifier, pending.Code));

        await Http.AssertProblemAsync(activation, HttpStatusCode.TooManyRequests);
        Assert.True(activation.Headers.Contains("Retry-After"));
        await Factory.AssertStillPendingAsync(pending, failedSignIns: 3);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/terms")).StatusCode);
        }
    }

    [Fact]
    public async Task AnIPv6Client_IsCountedByIts64_WhateverAddressOfItItUses()
    {
        var client = Factory.CreateApiClient();
        string[] sameHousehold = ["2001:db8:7:1::1", "2001:db8:7:1:ffff:ffff:ffff:fffe", "2001:db8:7:1:1234::42"];
        foreach (var address in sameHousehold)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInFromAsync(client, address)).StatusCode);
        }

        await Http.AssertProblemAsync(await SignInFromAsync(client, "2001:db8:7:1:9::9"), HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInFromAsync(client, "2001:db8:7:2::1")).StatusCode);
    }

    [Fact]
    public async Task IPv4Clients_AreCountedOneByOne_EvenWhenMappedToIPv6()
    {
        var client = Factory.CreateApiClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInFromAsync(client, i % 2 == 0 ? "192.0.2.10" : "::ffff:192.0.2.10")).StatusCode);
        }

        await Http.AssertProblemAsync(await SignInFromAsync(client, "192.0.2.10"), HttpStatusCode.TooManyRequests);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInFromAsync(client, "192.0.2.11")).StatusCode);
    }

    [Fact]
    public async Task ARequestWithoutAClientAddress_IsRefused_NotPooledWithOthers()
    {
        var client = Factory.CreateApiClient();
        var (verifications, audit) = (Factory.Hasher.Verifications, await Factory.CountAuditEventsAsync());

        for (var i = 0; i < 2; i++)
        {
            await Http.AssertProblemAsync(await SignInFromAsync(client, "none"), HttpStatusCode.TooManyRequests, "Trop de tentatives.");
        }

        Assert.Equal(verifications, Factory.Hasher.Verifications);
        Assert.Equal(audit, await Factory.CountAuditEventsAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInFromAsync(client, "192.0.2.20")).StatusCode);
    }

    private static async Task<HttpResponseMessage> SignInFromAsync(HttpClient client, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-in") { Content = JsonContent.Create(Requests.SignIn("personne.inconnue", "Mauvais-2099")) };
        request.Headers.Add(ClientAddressFilter.Header, address);
        return await client.SendAsync(request);
    }
}
