using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Ent77.MultiInstanceTests.Infrastructure;

/// <summary>
/// Three instances of the service on one PostgreSQL database, as behind a load balancer: each its own process, port,
/// data folder and SMTP relay; they share the database (accounts, outbox, job storage, Data Protection keys) and the
/// settings an operator gives every instance (the code key). Set up as an operator would: <c>migrate</c> (which creates
/// the database), <c>establishments add</c> and <c>admins issue --platform</c> at the command line, then the first
/// platform administrator activates through the API.
/// </summary>
public sealed partial class Cluster : IAsyncLifetime
{
    public const string Uai = "0771234Y";
    public const string Password = "Violette-2012";
    public const int Size = 3;

    private readonly string _codeKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ent77-instances", Guid.NewGuid().ToString("N"));
    private readonly ServiceProcess?[] _instances = new ServiceProcess?[Size];

    public string Database { get; } = PostgresTestServer.NewDatabaseName("cluster");

    public SmtpRelays Smtp { get; } = new(Size);

    /// <summary>False when no PostgreSQL server answers: each test then skips (or fails, when PostgreSQL is required).</summary>
    public bool Available => PostgresTestServer.Unavailable is null;

    /// <summary>The platform administrator's signed-in client (its session cookie is valid on every instance).</summary>
    public HttpClient Admin { get; private set; } = null!;

    /// <summary>The administrator's browser: its session, whatever instance it reaches.</summary>
    public SessionJar AdminSession { get; } = new();

    public ServiceProcess this[int index] => _instances[index] ?? throw new InvalidOperationException($"Instance {index} is not running.");

    public async ValueTask InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        var operatorSettings = Settings(0);
        var migrate = await ServiceProcess.RunCommandAsync(operatorSettings, "migrate");
        Assert.True(migrate.ExitCode == 0, migrate.Output);
        var school = await ServiceProcess.RunCommandAsync(operatorSettings, "establishments", "add", "--uai", Uai, "--name", "Collège Les Tilleuls", "--city", "Melun");
        Assert.True(school.ExitCode == 0, school.Output);
        var issued = await ServiceProcess.RunCommandAsync(operatorSettings, "admins", "issue", "--first-name", "Claire", "--last-name", "Martin", "--platform");
        var admin = AdminIssued().Match(issued.Output);
        Assert.True(admin.Success, issued.Output);

        await Task.WhenAll(Enumerable.Range(0, Size).Select(StartAsync));

        Admin = this[0].CreateClient(AdminSession);
        var activation = await Admin.PostAsJsonAsync("/api/activation", Activation(admin.Groups[1].Value, admin.Groups[2].Value, "claire.martin@college.example"));
        Assert.True(activation.StatusCode == HttpStatusCode.OK, await activation.Content.ReadAsStringAsync());
    }

    /// <summary>The settings of instance <paramref name="index"/>, as environment variables would give them.</summary>
    public Dictionary<string, string?> Settings(int index)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "PostgreSql",
            // The application name tells the instances' sessions apart in pg_stat_activity.
            ["ConnectionStrings:Ent77"] = PostgresTestServer.ConnectionStringFor(Database, applicationName: $"ent77-{index}"),
            ["Data:Directory"] = Path.Combine(_folder, index.ToString(CultureInfo.InvariantCulture)),
            ["Security:CodeKey"] = _codeKey,
            ["Security:PasswordIterations"] = "1000",
            ["App:PublicBaseUrl"] = "https://ent77.test",
            ["RateLimits:Auth:PermitLimit"] = "1000000",
            ["RateLimits:Recovery:PermitLimit"] = "1000000",
            ["RateLimits:Help:PermitLimit"] = "1000000",
            ["Jobs:PollInterval"] = "00:00:00.200",
            ["Jobs:RetryBaseDelay"] = "00:00:01",
            ["Jobs:ClaimDuration"] = "00:00:05",
            ["Jobs:SweepCron"] = "*/5 * * * * *",
            ["Support:PurgeCron"] = "*/2 * * * * *",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in Smtp[index].Settings)
        {
            settings[key] = value;
        }

        return settings;
    }

    public Task StartAsync(int index) => StartAsync(index, Settings(index));

    public async Task StartAsync(int index, IDictionary<string, string?> settings)
    {
        _instances[index] = await ServiceProcess.StartAsync($"instance-{index}", settings);
    }

    /// <summary>SIGKILL; the instance stays down until <see cref="StartAsync(int)"/>.</summary>
    public void Kill(int index)
    {
        this[index].Kill();
        _instances[index] = null;
    }

    public bool IsDown(int index) => _instances[index] is null;

    /// <summary>A client of instance <paramref name="index"/> with a fresh cookie jar.</summary>
    public HttpClient Client(int index) => this[index].CreateClient();

    /// <summary>One value read straight from the shared database.</summary>
    public Task<long> ScalarAsync(string sql) => PostgresTestServer.ScalarAsync<long>(Database, sql);

    /// <summary>A roster of <paramref name="rows"/> students, each with an external id (<c>{prefix}-{n}</c>) and a name of its own.</summary>
    public static string Roster(string prefix, int rows)
    {
        var csv = new StringBuilder("Nom;Prénom;Profil;Classe;Identifiant externe\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{Letters(prefix, i)};Camille;Élève;6e {(char)('A' + (i % 8))};{prefix}-{i}\n");
        }

        return csv.ToString();
    }

    /// <summary>Imports a roster through <paramref name="client"/> (JSON answer with the new codes).</summary>
    public static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new StringContent(csv, Encoding.UTF8, "text/csv");
        return await client.PostAsync($"/api/admin/establishments/{Uai}/imports?format=json", content, cancellationToken);
    }

    /// <summary>The identifiers and codes of an import's answer.</summary>
    public static async Task<List<(string Identifier, string Code)>> CodesAsync(HttpResponseMessage imported)
    {
        ArgumentNullException.ThrowIfNull(imported);
        var body = await imported.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accounts").EnumerateArray()
            .Select(a => (a.GetProperty("identifier").GetString()!, a.GetProperty("activationCode").GetString()!))
            .ToList();
    }

    public static object Activation(string identifier, string code, string email) => new
    {
        identifier,
        activationCode = code,
        password = Password,
        passwordConfirmation = Password,
        email,
        mobilePhone = (string?)null,
        acceptTerms = true,
        rememberMe = false,
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            if (instance is not null)
            {
                await instance.DisposeAsync();
            }
        }

        Admin?.Dispose();
        await Smtp.DisposeAsync();
        if (Available)
        {
            PostgresTestServer.DropDatabase(Database);
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A name made of letters only (identifiers would otherwise take digits for collision numbers).</summary>
    private static string Letters(string prefix, int n)
    {
        var letters = new StringBuilder(prefix);
        for (var i = 0; i < 4; i++)
        {
            letters.Append((char)('a' + (n % 26)));
            n /= 26;
        }

        return letters.ToString();
    }

    [GeneratedRegex(@"Identifiant : (\S+)\s+Code d'activation : (\S+)")]
    private static partial Regex AdminIssued();
}
