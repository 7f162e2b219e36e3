using System.Net;
using System.Text;
using Ent77.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ent77.FunctionalTests;

/// <summary>Response headers and body limits on every answer.</summary>
public sealed class SecurityHeadersTests : FunctionalTest
{
    [Theory]
    [InlineData("/api/terms")]
    [InlineData("/api/account")]
    [InlineData("/health/live")]
    [InlineData("/nulle-part")]
    public async Task EveryAnswer_CarriesAStrictPolicy(string path)
    {
        var response = await Factory.CreateApiClient().GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task TheApiBrowser_GetsTheConsolePolicy_Only()
    {
        var response = await Factory.CreateApiClient().GetAsync("/api-docs");

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hsts_IsSentForAYear_OverHttpsOnly()
    {
        var https = Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://ent77.test") });
        var http = Factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://ent77.test") });

        var secure = await https.GetAsync("/api/terms");
        var plain = await http.GetAsync("/api/terms");

        Assert.Equal("max-age=31536000; includeSubDomains", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode); // no redirect: TLS ends at the proxy
    }

    [Fact]
    public async Task ABodyOverTheLimit_Gets413InFrench_BeforeAnythingIsRead()
    {
        var audit = await Factory.CountAuditEventsAsync();
        using var content = new StringContent("{\"identifier\":\"" + new string('a', 2 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json");

        var response = await Factory.CreateApiClient().PostAsync("/api/auth/sign-in", content);

        await Http.AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "Requête trop volumineuse.");
        Assert.Equal(audit, await Factory.CountAuditEventsAsync());
    }
}
