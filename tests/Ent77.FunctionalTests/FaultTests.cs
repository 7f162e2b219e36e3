using System.Net;
using System.Net.Http.Json;
using Ent77.Application.Notifications;
using Ent77.Domain.Notifications;
using Ent77.FunctionalTests.Infrastructure;
using Ent77.Infrastructure.Notifications;
using Hangfire;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.FunctionalTests;

/// <summary>DESIGN §6: a database busy for a moment gets a clear 503 and no corruption.</summary>
public sealed class DatabaseBusyTests : FunctionalTest
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ent77-tests", Guid.NewGuid().ToString("N"));

    // A one-second busy timeout, so that a lock held by someone else shows quickly.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Ent77"] = $"Data Source={Path.Combine(_folder, "ent77.db")};Default Timeout=1",
    };

    [Fact]
    public async Task WhileAnotherWriterHoldsTheDatabase_Writes503_ThenEverythingWorks()
    {
        Directory.CreateDirectory(_folder);
        var account = await Factory.CreateActiveAccountAsync(Factory.CreateApiClient());
        var before = await Factory.LoadAccountAsync(account.Id);

        await using (var locker = new SqliteConnection($"Data Source={Path.Combine(_folder, "ent77.db")}"))
        {
            await locker.OpenAsync();
            await using var hold = locker.CreateCommand();
            hold.CommandText = "BEGIN EXCLUSIVE;";
            await hold.ExecuteNonQueryAsync();

            var busy = await Factory.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, "Mauvais-2012"));

            var problem = await Http.AssertProblemAsync(busy, HttpStatusCode.ServiceUnavailable, "Service momentanément indisponible.");
            Assert.Equal("5", busy.Headers.GetValues("Retry-After").Single());
            Assert.Contains("rien n'a été enregistré", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            hold.CommandText = "ROLLBACK;";
            await hold.ExecuteNonQueryAsync();
        }

        Assert.Equal(before.FailedSignInCount, (await Factory.LoadAccountAsync(account.Id)).FailedSignInCount);
        Assert.Equal(HttpStatusCode.OK, (await Factory.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, "Violette-2012"))).StatusCode);
        var check = await Factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT integrity_check AS \"Value\" FROM pragma_integrity_check").ToListAsync());
        Assert.Equal(["ok"], check);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

/// <summary>A process that dies with messages committed but not sent: the next start delivers them, once.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly LoopbackSmtpServer _smtp = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ent77-tests", Guid.NewGuid().ToString("N"));

    private Ent77Factory Start() => new(new Dictionary<string, string?>(_smtp.Settings)
    {
        ["Data:Directory"] = _folder,
        ["Jobs:PollInterval"] = "00:00:00.200",
        ["Jobs:RetryBaseDelay"] = "00:00:01",
    });

    [Fact]
    public async Task MessagesCommittedButNeverEnqueued_AreDeliveredOnceAfterARestart()
    {
        await using (var first = Start())
        {
            // The commit happened, the enqueue did not (as if the process died in between).
            await first.WithScopeAsync(async sp =>
            {
                var outbox = sp.GetRequiredService<INotificationOutbox>();
                for (var i = 0; i < 3; i++)
                {
                    outbox.Enqueue(new OutgoingMessage(NotificationChannel.Email, $"parent{i}@example.fr", NotificationTemplates.PasswordChanged,
                        new Dictionary<string, string> { ["firstName"] = "Sophie", ["identifier"] = "sophie.dupont" }));
                }

                var db = sp.GetRequiredService<Ent77.Infrastructure.Persistence.Ent77DbContext>();
                await db.SaveChangesAsync(); // straight to the database: no dispatch
                return 0;
            });
        }

        _smtp.Start();
        await using var second = Start();
        _ = second.Services; // start the service

        for (var i = 0; i < 3; i++)
        {
            Assert.Single(await _smtp.WaitForAsync($"parent{i}@example.fr"));
        }

        await Task.Delay(1500);
        Assert.Equal(3, _smtp.Messages.Count);
        Assert.Equal(3, await second.WithDbAsync(db => db.Notifications.CountAsync(n => n.SentAt != null)));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await _smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}

/// <summary>Two service processes on one database: sessions, lockouts and queued e-mails are shared, and sent once.</summary>
public sealed class ScaleOutTests : IAsyncLifetime
{
    private readonly LoopbackSmtpServer _smtp = new LoopbackSmtpServer().Start();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ent77-tests", Guid.NewGuid().ToString("N"));
    private Ent77Factory _one = null!;
    private Ent77Factory _two = null!;

    public ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(_smtp.Settings)
        {
            ["Data:Directory"] = _folder,
            ["Jobs:PollInterval"] = "00:00:00.200",
        };
        _one = new Ent77Factory(settings);
        _ = _one.Services; // the first one migrates
        _two = new Ent77Factory(settings);
        _ = _two.Services;
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task ASessionOpenedOnOneIsValidOnTheOther()
    {
        var onOne = _one.CreateApiClient();
        await _one.CreateActiveAccountAsync(onOne);
        var signIn = await onOne.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn("helene.dupont", "Violette-2012"));
        var setCookie = Http.SessionCookie(signIn);

        // Another instance behind the load balancer: the cookie is replayed by hand (the clients keep their own jars).
        var onTwo = _two.CreateApiClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/account");
        request.Headers.Add("Cookie", $"{setCookie.Name}={setCookie.Value}");
        var response = await onTwo.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ALockoutOnOneHoldsOnTheOther()
    {
        var account = await _one.CreateActiveAccountAsync(_one.CreateApiClient());
        for (var i = 0; i < 5; i++)
        {
            await _one.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, $"Mauvais-{i}x"));
        }

        var onTwo = await _two.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, "Violette-2012"));

        Assert.Equal(HttpStatusCode.Unauthorized, onTwo.StatusCode);
    }

    [Fact]
    public async Task AQueuedEmailIsSentOnce()
    {
        await _one.CreateActiveAccountAsync(_one.CreateApiClient());
        for (var i = 0; i < 3; i++)
        {
            await (i % 2 == 0 ? _one : _two).CreateApiClient().PostAsJsonAsync("/api/password-reset", new { identifier = "helene.dupont", channel = "email" });
        }

        await _smtp.WaitForAsync("helene.parent@example.fr", 4);
        // Both servers also sweep the outbox at start and every minute: nothing goes twice.
        foreach (var id in await _one.WithDbAsync(db => db.Notifications.Select(n => n.Id).ToListAsync()))
        {
            _two.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<NotificationDeliveryJob>(job => job.DeliverAsync(id, CancellationToken.None));
        }

        await Task.Delay(1500);
        Assert.Equal(4, _smtp.To("helene.parent@example.fr").Count);
    }

    public async ValueTask DisposeAsync()
    {
        await _two.DisposeAsync();
        await _one.DisposeAsync();
        await _smtp.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
