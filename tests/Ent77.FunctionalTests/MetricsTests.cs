using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Ent77.FunctionalTests.Infrastructure;
using Ent77.TestSupport.Hosting;
using Ent77.TestSupport.Mail;
using static Ent77.TestSupport.Eventually;

namespace Ent77.FunctionalTests;

/// <summary>
/// docs/OPERATIONS.md "Metrics": <c>GET /metrics</c> in the Prometheus text format, off unless <c>Metrics:Enabled=true</c>.
/// The service runs in a process of its own here, so that no other service of the test run adds to its counters.
/// </summary>
public sealed partial class MetricsTests : IAsyncLifetime
{
    private readonly LoopbackSmtpServer _smtp = new();
    private readonly TestDatabase _database = TestDatabase.Create();

    private Dictionary<string, string?> Settings(bool metrics)
    {
        var settings = new Dictionary<string, string?>(_database.Settings)
        {
            ["App:PublicBaseUrl"] = "https://ent77.test",
            ["Security:CodeKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Security:PasswordIterations"] = "1000",
            ["Jobs:PollInterval"] = "00:00:00.200",
            // A failed send waits ten minutes for its second and last attempt: it stays in the outbox during the test.
            ["Jobs:RetryBaseDelay"] = "00:10:00",
            ["Jobs:MaxAttempts"] = "2",
            ["Metrics:Enabled"] = metrics ? "true" : "false",
        };
        foreach (var (key, value) in _smtp.Settings)
        {
            settings[key] = value;
        }

        return settings;
    }

    [Fact]
    public async Task AfterAKnownSequenceOfRequests_TheCountersAndGaugesHaveExactlyTheExpectedValues()
    {
        var settings = Settings(metrics: true);
        Assert.Equal(0, (await ServiceProcess.RunCommandAsync(settings, "migrate")).ExitCode);
        Assert.Equal(0, (await ServiceProcess.RunCommandAsync(settings, "establishments", "add", "--uai", Ent77Factory.Uai, "--name", "Collège Les Tilleuls", "--city", "Melun")).ExitCode);
        var alice = await IssueAdministratorAsync(settings, "Alice", "Martin");
        var bruno = await IssueAdministratorAsync(settings, "Bruno", "Petit");
        await using var service = await ServiceProcess.StartAsync("metrics", settings);
        using var client = service.CreateClient();

        // The relay is down: Alice's welcome e-mail fails once and waits for its retry.
        var activated = await client.PostAsJsonAsync("/api/activation", Requests.Activation(alice.Identifier, alice.Code, email: "alice@ecole.example"));
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/activation", Requests.Activation(bruno.Identifier, "AAAA-BBBB-CCCC"))).StatusCode);
        await WaitUntilAsync(async () => await _database.ScalarAsync("SELECT COUNT(*) FROM \"Notifications\" WHERE \"Attempts\" = 1") == 1);

        _smtp.Start();
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, alice.Identifier, "Violette-2012")).StatusCode);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, alice.Identifier, $"Mauvais-{i}x")).StatusCode); // the fifth locks
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, alice.Identifier, "Violette-2012")).StatusCode); // locked
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, "personne.inconnue", "Violette-2012")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, bruno.Identifier, bruno.Code)).StatusCode); // activation required
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/password-reset", new { identifier = alice.Identifier, channel = "email" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/help-requests", new
        {
            firstName = "Sophie", lastName = "Dupont", email = "sophie.parent@example.fr", uai = Ent77Factory.Uai, kind = "LostPassword", message = "Mot de passe perdu.",
        })).StatusCode);

        // Sent: the reset link, the acknowledgement of the help request, its notice to the school's administrator.
        await _smtp.WaitForAsync("alice@ecole.example", 2, TimeSpan.FromSeconds(30));
        await _smtp.WaitForAsync("sophie.parent@example.fr", 1, TimeSpan.FromSeconds(30));
        Assert.Equal(3, _smtp.Messages.Count);

        // A message reaches the relay a moment before its sender records it as sent and counts it: wait for the count.
        Scrape metrics = null!;
        await WaitUntilAsync(async () => (metrics = await ScrapeAsync(service)).Sum("ent77_messages_sent_total", ("channel", "email")) >= 3);
        try
        {
            Assert.Equal(1, metrics.Sum("ent77_sign_ins_total", ("outcome", "succeeded")));
            Assert.Equal(7, metrics.Sum("ent77_sign_ins_total", ("outcome", "failed")));
            Assert.Equal(1, metrics.Sum("ent77_sign_ins_total", ("outcome", "activation_required")));
            Assert.Equal(1, metrics.Sum("ent77_activations_total", ("outcome", "succeeded")));
            Assert.Equal(1, metrics.Sum("ent77_activations_total", ("outcome", "failed")));
            Assert.Equal(1, metrics.Sum("ent77_lockouts_total"));
            Assert.Equal(1, metrics.Sum("ent77_password_resets_requested_total", ("channel", "email")));
            Assert.Equal(3, metrics.Sum("ent77_messages_sent_total", ("channel", "email")));
            Assert.Equal(1, metrics.Sum("ent77_messages_failed_total", ("channel", "email")));
            Assert.Equal(3, metrics.Sum("ent77_messages_send_duration_seconds_count", ("channel", "email")));
            Assert.Equal(3, metrics.Sum("ent77_messages_mark_duration_seconds_count", ("phase", "queued")));
            Assert.Equal(3, metrics.Sum("ent77_messages_mark_duration_seconds_count", ("phase", "written")));
            Assert.InRange(metrics.Sum("ent77_messages_mark_duration_seconds_sum", ("phase", "written")), 1e-6, 30);
            Assert.Equal(1, metrics.Sum("ent77_outbox_waiting"));
            Assert.InRange(metrics.Sum("ent77_outbox_oldest_age_seconds"), 0.001, 120);
            Assert.Equal(1, metrics.Sum("ent77_help_requests_open"));
            Assert.Equal(2, metrics.Sum("http_server_request_duration_seconds_count", ("http_route", "/api/auth/sign-in"), ("http_response_status_code", "200")));
            Assert.Equal(7, metrics.Sum("http_server_request_duration_seconds_count", ("http_route", "/api/auth/sign-in"), ("http_response_status_code", "401")));
        }
        catch (Xunit.Sdk.XunitException failure)
        {
            throw new Xunit.Sdk.XunitException($"{failure.Message}{Environment.NewLine}The service's log:{Environment.NewLine}{service.Output}");
        }
    }

    [Fact]
    public async Task WithoutMetricsEnabled_ThereIsNoMetricsEndpoint()
    {
        var settings = Settings(metrics: false);
        await using var service = await ServiceProcess.StartAsync("no-metrics", settings);
        using var client = service.CreateClient();

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string identifier, string password) =>
        client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(identifier, password));

    private static async Task<PendingAccount> IssueAdministratorAsync(Dictionary<string, string?> settings, string firstName, string lastName)
    {
        var (exitCode, output) = await ServiceProcess.RunCommandAsync(settings, "admins", "issue", "--uai", Ent77Factory.Uai, "--first-name", firstName, "--last-name", lastName);
        var issued = Issued().Match(output);
        Assert.True(exitCode == 0 && issued.Success, output);
        return new PendingAccount(Guid.Empty, issued.Groups[1].Value, issued.Groups[2].Value);
    }

    private static async Task<Scrape> ScrapeAsync(ServiceProcess service)
    {
        using var client = service.CreateClient();
        var response = await client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return new Scrape(await response.Content.ReadAsStringAsync());
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
        _database.Dispose();
    }

    [GeneratedRegex(@"Identifiant : (\S+)\s+Code d'activation : (\S+)")]
    private static partial Regex Issued();

    /// <summary>The Prometheus text format, read as series (name, labels) and values.</summary>
    private sealed partial class Scrape(string text)
    {
        private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _series = Parse(text);

        /// <summary>The sum of the series of <paramref name="name"/> whose labels include <paramref name="labels"/>; fails when there is none.</summary>
        public double Sum(string name, params (string Key, string Value)[] labels)
        {
            var matching = _series.Where(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Key) == l.Value)).ToList();
            Assert.True(matching.Count > 0, $"No series {name} with {string.Join(", ", labels)} in:{Environment.NewLine}{text}");
            return matching.Sum(s => s.Value);
        }

        private static List<(string, Dictionary<string, string>, double)> Parse(string text) =>
            text.Split('\n')
                .Where(line => line.Length > 0 && !line.StartsWith('#'))
                .Select(line => Series().Match(line))
                .Where(m => m.Success)
                .Select(m => (
                    m.Groups["name"].Value,
                    Label().Matches(m.Groups["labels"].Value).ToDictionary(l => l.Groups[1].Value, l => l.Groups[2].Value),
                    double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)))
                .ToList();

        [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})? (?<value>\S+)")]
        private static partial Regex Series();

        [GeneratedRegex("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"")]
        private static partial Regex Label();
    }
}
