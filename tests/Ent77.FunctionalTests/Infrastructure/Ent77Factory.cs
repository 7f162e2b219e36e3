using System.Net.Http.Json;
using Ent77.Application.Accounts;
using Ent77.Application.Accounts.Common;
using Ent77.Application.Common.Ports;
using Ent77.Application.Establishments;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using Ent77.Infrastructure;
using Ent77.Infrastructure.Persistence;
using Ent77.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Ent77.FunctionalTests.Infrastructure;

/// <summary>
/// The real service over HTTP (<see cref="WebApplicationFactory{TEntryPoint}"/>) on a fresh database of its own
/// (<see cref="TestDatabase"/>: a real SQLite file, or a PostgreSQL database with <c>ENT77_TEST_DATABASE=postgres</c>),
/// with a <see cref="FakeTimeProvider"/> and a password hasher that counts its work.
/// </summary>
public class Ent77Factory : WebApplicationFactory<Program>
{
    public const string Uai = "0771234Y";

    /// <summary>Where every test clock starts.</summary>
    public static readonly DateTimeOffset Start = new(2026, 9, 1, 7, 30, 0, TimeSpan.Zero);

    private readonly Dictionary<string, string?> _settings;

    /// <summary>The database this factory created and drops; <c>null</c> when the test shares one between services.</summary>
    private readonly TestDatabase? _ownDatabase;

    public Ent77Factory()
        : this(new Dictionary<string, string?>())
    {
    }

    public Ent77Factory(IDictionary<string, string?> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);

        // A test may start several services on one database (scale-out, restart): it passes that database's settings
        // (TestDatabase.Settings) and disposes of it itself. Otherwise the factory makes its own.
        _ownDatabase = overrides.ContainsKey("Data:Directory") ? null : TestDatabase.Create();
        _settings = new Dictionary<string, string?>(_ownDatabase?.Settings ?? new Dictionary<string, string?>())
        {
            ["App:PublicBaseUrl"] = "https://ent77.test",
            // Fewer iterations than production (210,000, proved in the infrastructure tests) keep the suite fast.
            ["Security:PasswordIterations"] = "1000",
            // Failures wait for a fixed time floor (250 ms in production) so that timing tells nothing; the suite would
            // spend minutes waiting. SignInTimingTests proves the floor with a value of its own.
            ["Security:SignInFailureFloor"] = "00:00:00",
            ["RateLimits:Auth:PermitLimit"] = "100000",
            ["RateLimits:Recovery:PermitLimit"] = "100000",
            ["RateLimits:Help:PermitLimit"] = "100000",
        };
        foreach (var (key, value) in overrides)
        {
            _settings[key] = value;
        }

        DataDirectory = _settings["Data:Directory"]!;
    }

    public string DataDirectory { get; }

    /// <summary>The settings this service runs with (its database, data folder and test values).</summary>
    public IReadOnlyDictionary<string, string?> Settings => _settings;

    /// <summary>Whether this service runs on PostgreSQL (else SQLite).</summary>
    public bool OnPostgres => string.Equals(_settings.GetValueOrDefault("Database:Provider"), "PostgreSql", StringComparison.OrdinalIgnoreCase);

    public FakeTimeProvider Time { get; } = new(Start);

    /// <summary>Every log line of the service, and the secrets that must never appear in one.</summary>
    public SecretWatch Secrets { get; } = new();

    /// <summary>The service's password hasher, which counts its work.</summary>
    public CountingPasswordHasher Hasher => (CountingPasswordHasher)Services.GetRequiredService<IPasswordHasher>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureLogging(logging => logging.AddProvider(Secrets).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Debug));
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));

        // Also as host settings, which the service already sees while it registers its services.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IPasswordHasher>(sp =>
                new CountingPasswordHasher(new AdmittedPasswordHasher(new Pbkdf2PasswordHasher(sp.GetRequiredService<IOptions<SecurityOptions>>()), sp.GetRequiredService<PasswordHashingGate>())));
            services.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, ClientAddressFilter>();
        });
    }

    /// <summary>A browser-like client: HTTPS base address (the cookie is Secure), cookies kept, the CSRF header set.</summary>
    public HttpClient CreateApiClient(bool withRequestedWith = true)
    {
        var client = CreateDefaultClient(new Uri("https://localhost"), new SecretRecordingHandler(Secrets), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler());
        if (withRequestedWith)
        {
            client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        }

        return client;
    }

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    public Task<T> WithDbAsync<T>(Func<Ent77DbContext, Task<T>> work) =>
        WithScopeAsync(sp => work(sp.GetRequiredService<Ent77DbContext>()));

    /// <summary>The test school, created once, as seed data.</summary>
    public Task<EstablishmentId> EnsureEstablishmentAsync(string uai = Uai, string name = "Collège Les Tilleuls") =>
        WithScopeAsync(async sp =>
        {
            var establishments = sp.GetRequiredService<IEstablishmentRepository>();
            var parsed = Domain.Establishments.Uai.Parse(uai).Uai!;
            if (await establishments.FindByUaiAsync(parsed, default) is { } existing)
            {
                return existing.Id;
            }

            var establishment = Establishment.Create(parsed, name, "Melun", Time.GetUtcNow());
            establishments.Add(establishment);
            // Seed data, saved as it is, without the unit of work's event handlers: no « establishment.created » audit row
            // (the tests of a school's creation go through the API).
            await sp.GetRequiredService<Ent77DbContext>().SaveChangesAsync();
            return establishment.Id;
        });

    /// <summary>A pending account with a live code, as the school would hand it out.</summary>
    public async Task<PendingAccount> CreatePendingAccountAsync(string firstName = "Hélène", string lastName = "Dupont", Profile profile = Profile.Student)
    {
        var establishmentId = await EnsureEstablishmentAsync();
        return await WithScopeAsync(async sp =>
        {
            var now = Time.GetUtcNow();
            var identifier = await sp.GetRequiredService<IdentifierAllocator>().AllocateAsync(firstName, lastName, default);
            var account = Account.CreatePending(identifier, firstName, lastName, profile, establishmentId, now);
            var code = sp.GetRequiredService<ActivationCodeIssuer>().Issue(account, now);
            sp.GetRequiredService<IAccountRepository>().Add(account);
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default);
            Secrets.Register(code.Code);
            Secrets.Register(code.Code.Replace("-", string.Empty, StringComparison.Ordinal));
            return new PendingAccount(account.Id.Value, identifier.Value, code.Code);
        });
    }

    /// <summary>A pending account activated through the API with <paramref name="password"/>; the client is left signed in.</summary>
    public async Task<PendingAccount> CreateActiveAccountAsync(HttpClient client, string password = "Violette-2012", string firstName = "Hélène", string lastName = "Dupont")
    {
        var pending = await CreatePendingAccountAsync(firstName, lastName);
        Secrets.Register(password);
        var response = await client.PostAsJsonAsync("/api/activation", Requests.Activation(pending.Identifier, pending.Code, password));
        response.EnsureSuccessStatusCode();
        return pending;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _ownDatabase?.Dispose();
        }
    }
}

public sealed record PendingAccount(Guid Id, string Identifier, string Code);

/// <summary>
/// The in-memory test server has no client address; a real server always has one. Requests get 127.0.0.1, or the
/// address in <see cref="Header"/> (<c>none</c>: no address at all), so that per-address limits can be tested.
/// </summary>
public sealed class ClientAddressFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
    {
        Microsoft.AspNetCore.Builder.UseExtensions.Use(app, (context, following) =>
        {
            var given = context.Request.Headers[Header].ToString();
            context.Connection.RemoteIpAddress ??= given switch
            {
                "" => System.Net.IPAddress.Loopback,
                "none" => null,
                _ => System.Net.IPAddress.Parse(given),
            };
            return following();
        });
        next(app);
    };
}

/// <summary>Counts every hash verification, to prove that each failure costs the same work.</summary>
public sealed class CountingPasswordHasher(IPasswordHasher inner) : IPasswordHasher
{
    private int _verifications;
    private int _hashes;
    private int _realVerifications;

    public int Verifications => Volatile.Read(ref _verifications);

    /// <summary>Verifications against an account's own hash (not the dummy one): each one tests a guess for real.</summary>
    public int RealHashVerifications => Volatile.Read(ref _realVerifications);

    public int Hashes => Volatile.Read(ref _hashes);

    public string DummyHash => inner.DummyHash;

    public string Hash(string password)
    {
        Interlocked.Increment(ref _hashes);
        return inner.Hash(password);
    }

    public PasswordCheck Verify(string hash, string password)
    {
        Interlocked.Increment(ref _verifications);
        if (!string.Equals(hash, inner.DummyHash, StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _realVerifications);
        }

        return inner.Verify(hash, password);
    }
}

/// <summary>Request bodies as the contract spells them.</summary>
public static class Requests
{
    public static object SignIn(string identifier, string password, bool rememberMe = false) =>
        new { identifier, password, rememberMe };

    public static object Activation(
        string identifier, string code, string password = "Violette-2012", string? confirmation = null, string email = "helene.parent@example.fr",
        string? mobilePhone = "06 12 34 56 78", bool acceptTerms = true, bool rememberMe = false) =>
        new
        {
            identifier,
            activationCode = code,
            password,
            passwordConfirmation = confirmation ?? password,
            email,
            mobilePhone,
            acceptTerms,
            rememberMe,
        };
}
