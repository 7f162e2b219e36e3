using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.BrowserTests;

/// <summary>
/// How the pages are put together and delivered (issue 15, points 10 and 11): one header and one footer for every
/// page; text compressed (static assets from the build, pages on the fly) but never an API answer; HEAD answered
/// wherever GET is; no 401 in the console of Connexion or Accueil; no layout shift on /cgu; a description on
/// every page.
/// </summary>
public sealed class DeliveryTests(PortalFixture portal) : BrowserTest(portal)
{
    [Fact]
    public async Task Every_page_has_one_header_one_footer_the_same_footer_and_its_own_title_and_description()
    {
        var (admin, _) = await IssueAdministratorAsync("Théo", Unique("Marchand"));
        var page = await (await NewContextAsync()).NewPageAsync();
        var footers = new HashSet<string>(StringComparer.Ordinal);
        var titles = new HashSet<string>(StringComparer.Ordinal);
        var descriptions = new HashSet<string>(StringComparer.Ordinal);
        var paths = PageChecks.PublicPages.ToList();
        foreach (var path in paths)
        {
            await CheckAsync(path);
        }

        await SignInAsync(page, admin);
        foreach (var path in new[] { "/accueil", "/administration" })
        {
            await CheckAsync(path);
        }

        Assert.Single(footers);
        Assert.Equal(13, titles.Count);
        Assert.Equal(13, descriptions.Count);

        async Task CheckAsync(string path)
        {
            await page.GotoAsync(path);
            var html = await page.ContentAsync();
            Assert.DoesNotContain("{{", html, StringComparison.Ordinal);
            await Expect(page.Locator("header.site-header")).ToHaveCountAsync(1);
            await Expect(page.Locator("footer.site-footer")).ToHaveCountAsync(1);
            await Expect(page.Locator("a.skip-link")).ToHaveCountAsync(1);
            await Expect(page.Locator("meta[name='description']")).ToHaveCountAsync(1);
            var description = await page.Locator("meta[name='description']").GetAttributeAsync("content");
            Assert.InRange(description!.Length, 50, 160);
            descriptions.Add(description);
            titles.Add(await page.TitleAsync());
            await Expect(page).ToHaveTitleAsync(new Regex(" — ENT 77$"));
            // The same links and words (the wrapper is wider on Administration); the current page's link marked as such.
            footers.Add(await page.Locator("footer.site-footer").EvaluateAsync<string>(
                "f => { const c = f.cloneNode(true); c.querySelectorAll('[aria-current]').forEach(a => a.removeAttribute('aria-current')); return c.querySelector('ul').outerHTML + c.querySelector('.operator').outerHTML; }"));
        }
    }

    [Fact]
    public async Task Pages_and_static_assets_are_compressed_and_API_answers_never_are()
    {
        using var client = RawClient();
        var css = string.Empty;
        foreach (var path in PageChecks.PublicPages)
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            var html = await ReadBrotliAsync(response);
            css = Regex.Match(html, "href=\"(/css/app\\.[a-z0-9]+\\.css)\"").Groups[1].Value;
        }

        // The stylesheet: fingerprinted in the pages and compressed at build (a published service also marks it immutable;
        // a build run from its output, as here, revalidates it).
        Assert.Matches("^/css/app\\.[a-z0-9]+\\.css$", css);
        using (var response = await client.GetAsync(css))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Single(response.Content.Headers.ContentEncoding);
        }

        foreach (var asset in new[] { "/js/api.js", "/js/forms.js", "/favicon.svg" })
        {
            using var response = await client.GetAsync(asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Single(response.Content.Headers.ContentEncoding);
        }

        // The API, asked for compression, answers plainly (BREACH: see docs/SECURITY.md).
        foreach (var path in new[] { "/api/terms", "/api/establishments", "/api/password-policy" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(response.Content.Headers.ContentEncoding);
            Assert.StartsWith("{", (await response.Content.ReadAsStringAsync()).TrimStart('['), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HEAD_is_answered_wherever_GET_is_with_the_same_status_and_no_body()
    {
        var paths = Portal.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") ?? true)
                && e.RoutePattern.Parameters.Count == 0)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(p => !p.StartsWith("/hangfire", StringComparison.Ordinal) && !p.StartsWith("/api-docs", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        Assert.Contains("/api/terms", paths);
        Assert.Contains("/cgu", paths);
        Assert.Contains("/health/live", paths);

        using var client = RawClient();
        var checkedPaths = 0;
        foreach (var path in paths)
        {
            using var get = await client.GetAsync(path);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.True(head.StatusCode == get.StatusCode, $"HEAD {path}: {(int)head.StatusCode}, GET: {(int)get.StatusCode}");
            Assert.NotEqual(HttpStatusCode.MethodNotAllowed, head.StatusCode);
            Assert.Empty(await head.Content.ReadAsByteArrayAsync());
            checkedPaths++;
        }

        Assert.Equal(paths.Count, checkedPaths);
    }

    [Fact]
    public async Task Connexion_and_Accueil_log_no_401_and_no_error_in_the_console()
    {
        var (identifier, code) = await IssuePendingAsync("Margot", Unique("Lambert"));
        await ActivateThroughApiAsync(identifier, code, $"{identifier}@example.fr");
        var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        var errors = new List<string>();
        page.Response += (_, response) =>
        {
            if (response.Status is 401 or 403)
            {
                refused.Add($"{response.Status} {response.Url}");
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        // Anonymous: Connexion, and Accueil (which sends back to Connexion).
        await page.GotoAsync("/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GotoAsync("/accueil");
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Signed in: Accueil, and Connexion (which sends to Accueil).
        await SignInAsync(page, identifier);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Bonjour Margot");
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/accueil$"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Empty(refused);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task The_terms_page_does_not_shift_its_layout_as_it_loads()
    {
        // A slow network: anything the page would fetch after its first paint (the terms, once) comes a second late.
        var context = await NewContextAsync(phone: true);
        await context.RouteAsync("**/api/**", async route =>
        {
            await Task.Delay(1000);
            await route.ContinueAsync();
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/cgu");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var shift = await page.EvaluateAsync<double>("""
            () => new Promise(resolve => {
              let total = 0;
              new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
                .observe({ type: 'layout-shift', buffered: true });
              setTimeout(() => resolve(total), 500);
            })
            """);
        Assert.Equal(0, shift);
        await Expect(page.Locator("#terms-content h2")).ToHaveCountAsync(5);
    }

    /// <summary>An HTTP client that sees the bytes as sent (no automatic decompression), asking for Brotli and gzip.</summary>
    private HttpClient RawClient()
    {
        Assert.SkipWhen(Portal.SkipReason is not null, Portal.SkipReason ?? string.Empty);
        var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None, AllowAutoRedirect = false })
        {
            BaseAddress = Portal.BaseUrl,
        };
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        return client;
    }

    private static async Task<string> ReadBrotliAsync(HttpResponseMessage response)
    {
        await using var brotli = new System.IO.Compression.BrotliStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(brotli);
        return await reader.ReadToEndAsync();
    }
}
