using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Ent77.BrowserTests;

/// <summary>
/// Lighthouse 12.8.2 (npm, <c>tools/lighthouse</c>, installed by <c>npm ci</c>) on every page, on a phone, in Debian's
/// Chromium: accessibility and best practices at 100, a meta description, for the public pages and, signed in as a
/// school's administrator, Accueil and Administration. The scores are kept in the test output
/// (<c>lighthouse.json</c>). Without Node or the installed tool the test is skipped, unless ENT77_REQUIRE_BROWSER=1.
/// </summary>
public sealed class LighthouseTests(PortalFixture portal, ITestOutputHelper output) : BrowserTest(portal)
{
    [Fact]
    public async Task Every_page_scores_100_in_accessibility_and_best_practices_and_has_a_meta_description()
    {
        var tool = ToolDirectory();
        var node = FindOnPath("node");
        var missing = node is null ? "Node.js is not installed"
            : !File.Exists(Path.Combine(tool, "node_modules", "lighthouse", "package.json")) ? $"Lighthouse is not installed (npm ci in {tool})"
            : null;
        if (missing is not null)
        {
            Assert.False(PortalFixture.UnderCi, $"{missing}: required under CI (ENT77_REQUIRE_BROWSER=1).");
            Assert.Skip(missing);
        }

        var (admin, _) = await IssueAdministratorAsync("Maëlle", Unique("Vasseur"));
        var cookie = await SessionCookieAsync(admin);
        string[] pages = [.. PageChecks.PublicPages, "+/accueil", "+/administration"];

        var start = new ProcessStartInfo(node!)
        {
            WorkingDirectory = tool,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "audit.mjs", "--base", Portal.BaseUrl.ToString().TrimEnd('/'), "--cookie", cookie }.Concat(pages))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["CHROME_PATH"] = PortalFixture.ChromiumPath;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(12));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"Lighthouse failed ({process.ExitCode}): {await stderr}");

        var json = await stdout;
        await File.WriteAllTextAsync(Path.Combine(AppContext.BaseDirectory, "lighthouse.json"), json);
        using var report = JsonDocument.Parse(json);
        Assert.Equal("12.8.2", report.RootElement.GetProperty("lighthouse").GetString());
        var results = report.RootElement.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(pages.Length, results.Count);
        var problems = new List<string>();
        foreach (var result in results)
        {
            var path = result.GetProperty("path").GetString()!;
            var accessibility = result.GetProperty("accessibility").GetInt32();
            var bestPractices = result.GetProperty("bestPractices").GetInt32();
            output.WriteLine($"{path,-24} accessibility {accessibility,3}  best practices {bestPractices,3}  SEO {result.GetProperty("seo").GetInt32(),3}");
            var failing = string.Join(", ", result.GetProperty("failing").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
            if (accessibility != 100 || bestPractices != 100 || result.GetProperty("metaDescription").GetDouble() != 1
                || result.GetProperty("runtimeError").ValueKind != JsonValueKind.Null
                || new Uri(result.GetProperty("finalUrl").GetString()!).AbsolutePath != path)
            {
                problems.Add($"{path}: accessibility {accessibility}, best practices {bestPractices}, final {result.GetProperty("finalUrl")}, failing: {failing}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The session cookie of a sign-in over HTTP, as <c>name=value</c>.</summary>
    private async Task<string> SessionCookieAsync(string identifier)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = Portal.BaseUrl };
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        using var response = await client.PostAsync("/api/auth/sign-in", JsonContent.Create(new { identifier, password = Password }));
        response.EnsureSuccessStatusCode();
        var header = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-ent77=", StringComparison.Ordinal));
        return header.Split(';')[0];
    }

    private static string ToolDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Ent77.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, "tools", "lighthouse");
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
