using System.Net;
using System.Net.Http.Json;
using Ent77.Domain.Accounts;
using Ent77.FunctionalTests.Infrastructure;
using Ent77.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.FunctionalTests;

/// <summary>
/// A sign-in or an activation that keeps losing the race for its account (another instance commits first, every time)
/// answers the generic 401, byte for byte the unknown identifier's: a 409 could only happen to a known account and
/// would reveal it. Nothing is written. Other commands keep their 409.
/// </summary>
public sealed class LostRaceTests : IAsyncLifetime
{
    private readonly RacingFactory _factory = new();

    [Fact]
    public async Task SignIn_ThatAlwaysLosesTheRace_IsTheGeneric401_ForTheRightAndTheWrongPassword()
    {
        var account = await _factory.CreateActiveAccountAsync(_factory.CreateApiClient());
        var client = _factory.CreateApiClient();
        var unknown = await Http.SnapshotAsync(await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn("personne.inconnue", "Mauvais-2099")));
        var sessions = await _factory.WithDbAsync(db => db.Sessions.CountAsync());
        _factory.Racing = true;

        var wrong = await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, "Mauvais-2099"));
        var right = await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, "Violette-2012"));

        Assert.Equal(unknown, await Http.SnapshotAsync(wrong));
        Assert.Equal(unknown, await Http.SnapshotAsync(right));
        Assert.Empty(Http.SetCookies(right));
        Assert.Equal(2 * Ent77.Application.Common.Behaviours.UnitOfWorkBehaviour<Mediator.IMessage, object>.MaxAttempts, _factory.LostRaces);
        _factory.Racing = false;
        Assert.Equal(0, (await _factory.LoadAccountAsync(account.Id)).FailedSignInCount);
        Assert.Equal(sessions, await _factory.WithDbAsync(db => db.Sessions.CountAsync()));
    }

    [Fact]
    public async Task Activation_ThatAlwaysLosesTheRace_IsTheGeneric401_AndTheAccountStaysPending()
    {
        var pending = await _factory.CreatePendingAccountAsync();
        var client = _factory.CreateApiClient();
        var unknown = await Http.SnapshotAsync(await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn("personne.inconnue", "Mauvais-2099")));
        _factory.Racing = true;

        var response = await client.PostAsJsonAsync("/api/activation", Requests.Activation(pending.Identifier, pending.Code));

        Assert.Equal(unknown, await Http.SnapshotAsync(response));
        _factory.Racing = false;
        await _factory.AssertStillPendingAsync(pending);
    }

    [Fact]
    public async Task AnotherCommand_ThatLosesTheRace_KeepsIts409()
    {
        var client = _factory.CreateApiClient();
        var account = await _factory.CreateActiveAccountAsync(client);
        _factory.Racing = true;

        var response = await client.PutAsJsonAsync("/api/account/contact", new { email = "autre@example.fr", mobilePhone = (string?)null, currentPassword = "Violette-2012" });

        await Http.AssertProblemAsync(response, HttpStatusCode.Conflict);
        _factory.Racing = false;
        Assert.Equal("helene.parent@example.fr", (await _factory.LoadAccountAsync(account.Id)).Email!.Value);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        _factory.Racing = false;
        await _factory.Secrets.AssertNothingLeakedAsync(_factory);
        await _factory.DisposeAsync();
    }

    /// <summary>The service, with another writer that commits a change to the same account just before each save.</summary>
    private sealed class RacingFactory : Ent77Factory
    {
        private int _lostRaces;

        public volatile bool Racing;

        public int LostRaces => Volatile.Read(ref _lostRaces);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(services =>
            {
                services.ConfigureDbContext<SqliteEnt77DbContext>(options => options.AddInterceptors(new OtherWriter(this)));
                services.ConfigureDbContext<PostgreSqlEnt77DbContext>(options => options.AddInterceptors(new OtherWriter(this)));
            });
        }

        private sealed class OtherWriter(RacingFactory factory) : SaveChangesInterceptor
        {
            public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
                DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
            {
                if (factory.Racing && eventData.Context is { } db)
                {
                    foreach (var changed in db.ChangeTracker.Entries<Account>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id).ToList())
                    {
                        await db.Database.ExecuteSqlAsync($"UPDATE \"Accounts\" SET \"Version\" = {Guid.NewGuid()} WHERE \"Id\" = {changed.Value}", cancellationToken);
                        Interlocked.Increment(ref factory._lostRaces);
                    }
                }

                return result;
            }
        }
    }
}
