using System.Net;
using System.Net.Http.Json;
using Ent77.Application.Accounts;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts;
using Ent77.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.FunctionalTests;

/// <summary>
/// docs/DOMAIN.md "Lockout": unknown identifiers, wrong secrets, expired codes, locked and blocked accounts
/// cannot be told apart — same status, headers and body bytes, and the same hashing work.
/// </summary>
public sealed class EnumerationTests : FunctionalTest
{
    private const string WrongCode = "ABCD-EFGH-JKMN";

    [Fact]
    public async Task EveryKindOfSignInFailure_GivesTheSameBytes_ForTheSameHashingWork()
    {
        // A code handed out more than 90 days ago.
        var expired = await Factory.CreatePendingAccountAsync("Marc", "Martin");
        Factory.Time.Advance(TimeSpan.FromDays(91));

        using var setup = Factory.CreateApiClient();
        var active = await Factory.CreateActiveAccountAsync(setup, "Violette-2012", "Hélène", "Dupont");
        var locked = await Factory.CreateActiveAccountAsync(setup, "Tournesol-2011", "Paul", "Durand");
        var blocked = await Factory.CreateActiveAccountAsync(setup, "Capucine-2010", "Lina", "Moreau");
        var pending = await Factory.CreatePendingAccountAsync("Noé", "Petit");
        for (var i = 0; i < 5; i++)
        {
            await setup.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(locked.Identifier, "Tournesol-2099"));
        }

        await Factory.WithScopeAsync(async sp =>
        {
            var account = await sp.GetRequiredService<IAccountRepository>().FindAsync(new AccountId(blocked.Id), default);
            account!.Block(Factory.Time.GetUtcNow());
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default);
            return true;
        });

        var attempts = new (string Case, string Identifier, string Secret)[]
        {
            ("unknown identifier", "personne.inconnue", "Violette-2012"),
            ("unknown identifier, code-shaped secret", "personne.inconnue", WrongCode),
            ("wrong password", active.Identifier, "Violette-2099"),
            ("old activation code of an active account", active.Identifier, active.Code),
            ("expired activation code", expired.Identifier, expired.Code),
            ("wrong activation code", pending.Identifier, WrongCode),
            ("locked account, right password", locked.Identifier, "Tournesol-2011"),
            ("blocked account, right password", blocked.Identifier, "Capucine-2010"),
        };

        var client = Factory.CreateApiClient();
        Snapshot? reference = null;
        foreach (var (name, identifier, secret) in attempts)
        {
            var before = Factory.Hasher.Verifications;
            var response = await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(identifier, secret));
            var verifications = Factory.Hasher.Verifications - before;

            var snapshot = await Http.SnapshotAsync(response);
            Assert.True(snapshot.Status == HttpStatusCode.Unauthorized, $"{name}: {snapshot.Status}");
            Assert.True(verifications == 1, $"{name}: {verifications} password verifications");
            reference ??= snapshot;
            Assert.True(reference == snapshot, $"{name} can be told apart: {snapshot} vs {reference}");
        }

        Assert.Equal(Http.ProblemJson, reference!.ContentType?.Split(';')[0]);
    }

    [Fact]
    public async Task UnknownIdentifiers_AreNeitherStoredNorLocked()
    {
        var client = Factory.CreateApiClient();
        await Factory.EnsureEstablishmentAsync();

        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn("jean.inconnu", "Violette-2012"))).StatusCode);
        }

        Assert.Equal(0, await Factory.CountAccountsAsync());

        // The same name issued afterwards is not locked by the earlier attempts.
        var pending = await Factory.CreatePendingAccountAsync("Jean", "Inconnu");
        Assert.Equal("jean.inconnu", pending.Identifier);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(pending.Identifier, pending.Code))).StatusCode);
    }

    [Fact]
    public async Task ActivationFailures_UnknownIdentifierWrongCodeExpiredCodeAndUsedCode_GiveTheSameBytes()
    {
        var expired = await Factory.CreatePendingAccountAsync("Marc", "Martin");
        Factory.Time.Advance(TimeSpan.FromDays(91));
        var pending = await Factory.CreatePendingAccountAsync();
        using var setup = Factory.CreateApiClient();
        var used = await Factory.CreateActiveAccountAsync(setup, "Tournesol-2011", "Paul", "Durand");

        var attempts = new (string Case, string Identifier, string Code)[]
        {
            ("unknown identifier", "personne.inconnue", pending.Code),
            ("wrong code", pending.Identifier, WrongCode),
            ("expired code", expired.Identifier, expired.Code),
            ("code already used", used.Identifier, used.Code),
        };

        var client = Factory.CreateApiClient();
        var signInFailure = await Http.SnapshotAsync(await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn("personne.inconnue", "Violette-2012")));
        foreach (var (name, identifier, code) in attempts)
        {
            var hashes = Factory.Hasher.Hashes;
            var verifications = Factory.Hasher.Verifications;
            var response = await client.PostAsJsonAsync("/api/activation", Requests.Activation(identifier, code, "Autre-Mot-2013", email: "autre@example.fr"));

            var snapshot = await Http.SnapshotAsync(response);
            Assert.True(snapshot == signInFailure, $"{name} can be told apart: {snapshot} vs {signInFailure}");
            Assert.Equal(hashes, Factory.Hasher.Hashes);
            Assert.Equal(verifications, Factory.Hasher.Verifications);
        }

        await Factory.AssertStillPendingAsync(pending, failedSignIns: 1);
        Assert.Equal("helene.parent@example.fr", (await Factory.LoadAccountAsync(used.Id)).Email!.Value);
    }
}
