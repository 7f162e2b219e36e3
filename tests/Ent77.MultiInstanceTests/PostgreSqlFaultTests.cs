using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ent77.MultiInstanceTests;

/// <summary>
/// The PostgreSQL path's bad settings and faults, on the real executable: a wrong connection string or a server out
/// of reach at start-up is one clear line naming <c>ConnectionStrings:Ent77</c>; <c>migrate</c> creates the database
/// when the role may, and says what to do when it may not; a database lost while the service runs gives 503s with
/// <c>Retry-After</c>, never a 500, and the service recovers by itself when it is back.
/// </summary>
public sealed partial class PostgreSqlFaultTests : IAsyncLifetime
{
    private readonly string _database = PostgresTestServer.NewDatabaseName("faults");
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ent77-instances", Guid.NewGuid().ToString("N"));
    private readonly List<string> _roles = [];

    private Dictionary<string, string?> Settings(string connectionString) => new()
    {
        ["Database:Provider"] = "postgresql", // case ignored
        ["ConnectionStrings:Ent77"] = connectionString,
        ["Data:Directory"] = _folder,
        ["Security:CodeKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        ["Security:PasswordIterations"] = "1000",
        ["App:PublicBaseUrl"] = "https://ent77.test",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    [Theory]
    [InlineData("Host=127.0.0.1;Port=1;Database=ent77;Username=ent77;Password=x", "ne répond pas")]
    [InlineData("Hots=127.0.0.1;Database=ent77", "n’est pas une chaîne de connexion PostgreSQL valide")]
    [InlineData("", "n’est pas défini")]
    public async Task AStartWithABadConnectionString_StopsWithOneLineNamingTheSetting(string connectionString, string reason)
    {
        PostgresTestServer.SkipUnlessAvailable();

        var (exitCode, output) = await ServiceProcess.RunCommandAsync(Settings(connectionString));

        Assert.Equal(3, exitCode);
        var line = Assert.Single(output.Split(Environment.NewLine), l => l.StartsWith("Démarrage impossible : ", StringComparison.Ordinal));
        Assert.Contains("ConnectionStrings:Ent77", line, StringComparison.Ordinal);
        Assert.Contains(reason, line, StringComparison.Ordinal);
        Assert.DoesNotContain("Password=x", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPassword_IsRefusedWithOneLineNamingTheSetting_WithoutShowingThePassword()
    {
        PostgresTestServer.SkipUnlessAvailable();
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionStringFor(_database)) { Password = "pas-le-bon-mot-de-passe" };

        var (exitCode, output) = await ServiceProcess.RunCommandAsync(Settings(connection.ConnectionString));

        Assert.Equal(3, exitCode);
        Assert.Contains(output.Split(Environment.NewLine), l => l.StartsWith("Démarrage impossible : ", StringComparison.Ordinal)
            && l.Contains("refuse la connexion", StringComparison.Ordinal) && l.Contains("ConnectionStrings:Ent77", StringComparison.Ordinal));
        Assert.DoesNotContain("pas-le-bon-mot-de-passe", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_CreatesTheDatabaseWhenTheRoleMay_AndSaysWhatToDoWhenItMayNot()
    {
        PostgresTestServer.SkipUnlessAvailable();

        // A role that may not create databases: nothing is created, and the message says what to do.
        var role = $"ent77_nocreatedb_{Guid.NewGuid():N}"[..30];
        _roles.Add(role);
        PostgresTestServer.Execute($"CREATE ROLE \"{role}\" LOGIN NOCREATEDB PASSWORD 'ent77-test'");
        var denied = new Npgsql.NpgsqlConnectionStringBuilder(PostgresTestServer.ConnectionStringFor(_database)) { Username = role, Password = "ent77-test" };
        var refused = await ServiceProcess.RunCommandAsync(Settings(denied.ConnectionString), "migrate");
        Assert.Equal(3, refused.ExitCode);
        Assert.Contains("n’existe pas et le rôle ne peut pas la créer", refused.Output, StringComparison.Ordinal);
        Assert.Equal(0, await DatabasesNamedAsync(_database));

        // The test role may: the database, its tables, the job schema and the first terms are there.
        var created = await ServiceProcess.RunCommandAsync(Settings(PostgresTestServer.ConnectionStringFor(_database)), "migrate");
        Assert.True(created.ExitCode == 0, created.Output);
        Assert.Equal(1, await DatabasesNamedAsync(_database));
        Assert.Equal(1, await PostgresTestServer.ScalarAsync<long>(_database, "SELECT COUNT(*) FROM \"TermsOfUse\""));
        Assert.Equal(1, await PostgresTestServer.ScalarAsync<long>(_database, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'hangfire' AND table_name = 'job'"));

        // Run again, it changes nothing.
        Assert.Equal(0, (await ServiceProcess.RunCommandAsync(Settings(PostgresTestServer.ConnectionStringFor(_database)), "migrate")).ExitCode);
        Assert.Equal(1, await PostgresTestServer.ScalarAsync<long>(_database, "SELECT COUNT(*) FROM \"TermsOfUse\""));
    }

    [Fact]
    public async Task ADatabaseLostWhileRunning_Gives503s_AndTheServiceRecoversByItself()
    {
        PostgresTestServer.SkipUnlessAvailable();
        var settings = Settings(PostgresTestServer.ConnectionStringFor(_database));
        Assert.Equal(0, (await ServiceProcess.RunCommandAsync(settings, "migrate")).ExitCode);
        Assert.Equal(0, (await ServiceProcess.RunCommandAsync(settings, "establishments", "add", "--uai", "0771234Y", "--name", "Collège Les Tilleuls", "--city", "Melun")).ExitCode);
        var issued = AdminIssued().Match((await ServiceProcess.RunCommandAsync(settings, "admins", "issue", "--uai", "0771234Y", "--first-name", "Claire", "--last-name", "Martin")).Output);
        Assert.True(issued.Success);
        await using var service = await ServiceProcess.StartAsync("faults", settings);
        using var client = service.CreateClient();
        using var balancer = service.CreateClient(); // the load balancer's probe, without a session
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/activation", Cluster.Activation(issued.Groups[1].Value, issued.Groups[2].Value, "claire@college.example"))).StatusCode);
        var signIn = new { identifier = issued.Groups[1].Value, password = Cluster.Password, rememberMe = false };

        // The database goes away: its sessions are terminated and it takes no new ones (as during a failover).
        PostgresTestServer.Execute($"ALTER DATABASE \"{_database}\" ALLOW_CONNECTIONS false");
        PostgresTestServer.Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_database}'");
        for (var i = 0; i < 5; i++)
        {
            using var refused = await client.PostAsJsonAsync("/api/auth/sign-in", signIn);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("5", refused.Headers.GetValues("Retry-After").Single());
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Equal("Service momentanément indisponible.", (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await balancer.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await balancer.GetAsync("/health/live")).StatusCode);

        // It comes back: the very next requests work, with no restart of the service.
        PostgresTestServer.Execute($"ALTER DATABASE \"{_database}\" ALLOW_CONNECTIONS true");
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/sign-in", signIn)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await balancer.GetAsync("/health/ready")).StatusCode);

        // Its backends terminated under it (an administrator, a restarted server): at most the requests then running fail,
        // with a 503, and the pool's dead connections are dropped at once (here the pool holds several idle ones).
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var parallel = service.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await parallel.PostAsJsonAsync("/api/auth/sign-in", signIn)).StatusCode);
        }));
        Assert.InRange(await PostgresTestServer.ScalarAsync<long>("postgres", $"SELECT COUNT(*) FROM pg_stat_activity WHERE datname = '{_database}' AND state = 'idle'"), 3, 100);
        PostgresTestServer.Execute($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{_database}'");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/auth/sign-in", signIn);
            answers.Add(response.StatusCode);
        }

        Assert.All(answers, status => Assert.Contains(status, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
        Assert.True(answers.Count(s => s == HttpStatusCode.ServiceUnavailable) <= 1, string.Join(", ", answers));
        Assert.Equal(HttpStatusCode.OK, answers[^1]);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        if (PostgresTestServer.Unavailable is null)
        {
            PostgresTestServer.DropDatabase(_database);
            foreach (var role in _roles)
            {
                PostgresTestServer.Execute($"DROP ROLE IF EXISTS \"{role}\"");
            }
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private static Task<long> DatabasesNamedAsync(string name) =>
        PostgresTestServer.ScalarAsync<long>("postgres", $"SELECT COUNT(*) FROM pg_database WHERE datname = '{name}'");

    [GeneratedRegex(@"Identifiant : (\S+)\s+Code d'activation : (\S+)")]
    private static partial Regex AdminIssued();
}
