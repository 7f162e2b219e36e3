using System.Net;
using System.Text.Json;
using Ent77.FunctionalTests.Infrastructure;

namespace Ent77.FunctionalTests;

/// <summary>docs/API.md: the anonymous reference data, the operations endpoints and the API description.</summary>
public sealed class PublicEndpointTests : FunctionalTest
{
    [Fact]
    public async Task Terms_AreTheCurrentVersion_WithTitleContentAndDate()
    {
        var client = Factory.CreateApiClient();

        var response = await client.GetAsync("/api/terms");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var terms = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("2026-09", terms.GetProperty("version").GetString());
        Assert.Equal("Conditions générales d’utilisation de l’ENT 77", terms.GetProperty("title").GetString());
        Assert.True(terms.GetProperty("content").GetString()!.Length > 200);
        Assert.Equal(Factory.Time.GetUtcNow(), terms.GetProperty("publishedAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task Establishments_ListTheSchools_WithUaiNameAndCityOnly()
    {
        await Factory.EnsureEstablishmentAsync();
        await Factory.EnsureEstablishmentAsync("0770001H", "Lycée Jacques Amyot");
        var client = Factory.CreateApiClient();

        var list = JsonDocument.Parse(await client.GetStringAsync("/api/establishments")).RootElement;

        Assert.Equal(2, list.GetArrayLength());
        var school = Assert.Single(list.EnumerateArray(), e => e.GetProperty("uai").GetString() == Ent77Factory.Uai);
        Assert.Equal("Collège Les Tilleuls", school.GetProperty("name").GetString());
        Assert.Equal("Melun", school.GetProperty("city").GetString());
        Assert.Equal(["city", "name", "uai"], school.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        // By name.
        Assert.Equal(["Collège Les Tilleuls", "Lycée Jacques Amyot"], list.EnumerateArray().Select(e => e.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task PasswordPolicy_ListsTheRules_InFrench()
    {
        var client = Factory.CreateApiClient();

        var policy = JsonDocument.Parse(await client.GetStringAsync("/api/password-policy")).RootElement;

        Assert.Equal(8, policy.GetProperty("minLength").GetInt32());
        Assert.Equal(128, policy.GetProperty("maxLength").GetInt32());
        var rules = policy.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!, r => r.GetProperty("label").GetString()!);
        Assert.Equal("Au moins 8 caractères.", rules["password.too_short"]);
        Assert.Equal("Au moins une lettre.", rules["password.no_letter"]);
        Assert.Equal("Au moins un chiffre.", rules["password.no_digit"]);
        Assert.Contains("password.common", rules.Keys);
        Assert.Contains("password.contains_identifier", rules.Keys);
        Assert.Contains("password.contains_name", rules.Keys);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_IsHealthy(string path)
    {
        var client = Factory.CreateApiClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_DescribesTheContract()
    {
        var client = Factory.CreateApiClient();

        var response = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/auth/sign-in", paths);
        Assert.Contains("/api/auth/sign-out", paths);
        Assert.Contains("/api/activation", paths);
        Assert.Contains("/api/account", paths);
        Assert.Contains("/api/terms", paths);
        Assert.True(document.GetProperty("paths").GetProperty("/api/auth/sign-in").TryGetProperty("post", out _));
    }

    [Fact]
    public async Task ApiDocs_ServeTheBrowsableUi()
    {
        var client = Factory.CreateApiClient();

        // /api-docs sends the browser to /api-docs/, so that the page's relative assets resolve under it.
        var response = await client.GetAsync("/api-docs");
        if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently)
        {
            Assert.Equal(new Uri("https://localhost/api-docs/"), new Uri(new Uri("https://localhost/api-docs"), response.Headers.Location!));
            response = await client.GetAsync("/api-docs/");
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ENT 77", html, StringComparison.Ordinal);
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);

        // The script the page loads is served.
        var script = await client.GetAsync("/api-docs/scalar.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Account_WithoutASession_Is401Problem()
    {
        var client = Factory.CreateApiClient();

        var response = await client.GetAsync("/api/account");

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "Authentification requise.");
        Assert.Equal("Connectez-vous pour accéder à cette page.", problem.GetProperty("detail").GetString());
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Account_WithAForgedCookie_Is401Problem()
    {
        var client = Factory.CreateApiClient();
        client.DefaultRequestHeaders.Add("Cookie", "__Host-ent77=CfDJ8-forged-value");

        var response = await client.GetAsync("/api/account");

        await Http.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "Authentification requise.");
    }
}
