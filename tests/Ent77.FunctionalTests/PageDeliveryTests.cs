using System.Net;
using System.Net.Http.Headers;
using Ent77.FunctionalTests.Infrastructure;
using Ent77.WebApi.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Ent77.FunctionalTests;

/// <summary>
/// The pages over HTTP (no browser needed; the browser tests go further): every address renders in the one layout
/// with no placeholder left, the server sends people where a page is for them, pages are compressed and API answers
/// never, HEAD answers like GET, and an operator setting RGAA does not know stops the service.
/// </summary>
public sealed class PageDeliveryTests : FunctionalTest
{
    [Fact]
    public async Task EveryPage_RendersInTheLayout_WithItsDescription_AndNoPlaceholderLeft()
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var rendered = 0;
        foreach (var route in Pages.Routes.Where(r => r.Access != PageAccess.SignedIn))
        {
            var response = await client.GetAsync(route.Path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
            Assert.StartsWith("<!doctype html>", html, StringComparison.Ordinal);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<meta name=\"description\" content=\"[^\"]{50,160}\">"));
            Assert.Contains("<a href=\"/mentions-legales\"", html, StringComparison.Ordinal);
            Assert.DoesNotContain("ent77-layout", html, StringComparison.Ordinal);
            rendered++;
        }

        Assert.Equal(11, rendered);
    }

    [Fact]
    public async Task SignedInPages_SendAnonymousPeopleToConnexion_WithoutAnyScript()
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        foreach (var path in new[] { "/accueil", "/administration" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/", response.Headers.Location?.ToString());
        }
    }

    [Fact]
    public async Task Pages_AreCompressed_ApiAnswersNever()
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));

        var page = await client.GetAsync("/aide");
        var api = await client.GetAsync("/api/establishments");

        Assert.Equal("br", Assert.Single(page.Content.Headers.ContentEncoding));
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        Assert.Empty(api.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("/api/terms", HttpStatusCode.OK)]
    [InlineData("/api/account", HttpStatusCode.Unauthorized)]
    [InlineData("/cgu", HttpStatusCode.OK)]
    [InlineData("/health/live", HttpStatusCode.OK)]
    [InlineData("/nulle-part", HttpStatusCode.NotFound)]
    public async Task Head_AnswersLikeGet_WithoutABody(string path, HttpStatusCode status)
    {
        var client = Factory.CreateApiClient();

        var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        Assert.Equal(status, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
        Assert.Equal(status, (await client.GetAsync(path)).StatusCode);
    }

    [Fact]
    public void AnAccessibilityStatusRgaaDoesNotKnow_StopsTheService_NamingTheKey()
    {
        using var factory = new Ent77Factory(new Dictionary<string, string?> { ["Operator:AccessibilityStatus"] = "conforme" });

        var error = Assert.Throws<InvalidOperationException>(() => factory.CreateClient());

        Assert.Contains("Operator:AccessibilityStatus", error.Message, StringComparison.Ordinal);
    }
}
