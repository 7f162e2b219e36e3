using System.Net;
using System.Net.Http.Json;
using Ent77.Domain.Accounts;
using Ent77.Domain.Auditing;
using Ent77.FunctionalTests.Infrastructure;

namespace Ent77.FunctionalTests;

/// <summary>docs/DOMAIN.md "Concurrency": an activation code can be consumed once, even under parallel requests.</summary>
public sealed class ConcurrencyTests : FunctionalTest
{
    [Fact]
    public async Task TwentyParallelActivationsWithTheSameCode_ExactlyOneWins()
    {
        const int parallel = 20;
        var pending = await Factory.CreatePendingAccountAsync();
        var clients = Enumerable.Range(0, parallel).Select(_ => Factory.CreateApiClient()).ToList();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var attempts = clients.Select((client, i) => Task.Run(async () =>
        {
            await start.Task;
            var response = await client.PostAsJsonAsync("/api/activation", Requests.Activation(
                pending.Identifier, pending.Code, $"Violette-{2000 + i}", email: $"parent{i}@example.fr"));
            var body = await response.Content.ReadAsStringAsync();
            return (Index: i, response.StatusCode, Body: body, Cookies: Http.SetCookies(response).Count);
        })).ToList();
        start.SetResult();
        var results = await Task.WhenAll(attempts);

        var winners = results.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        var winner = Assert.Single(winners);
        Assert.Equal(1, winner.Cookies);
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.OK), r =>
        {
            Assert.True(r.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Conflict, $"{(int)r.StatusCode}: {r.Body}");
            Assert.Equal(0, r.Cookies);
        });

        var account = await Factory.LoadAccountAsync(pending.Id);
        Assert.Equal(AccountStatus.Active, account.Status);
        var code = Assert.Single(account.ActivationCodes);
        Assert.NotNull(code.ConsumedAt);
        Assert.Equal(1, await Factory.CountAuditEventsAsync(AuditTypes.AccountActivated));

        // The winner's details are the ones kept, and its password is the one that works.
        Assert.Equal($"parent{winner.Index}@example.fr", account.Email!.Value);
        Assert.Equal(HttpStatusCode.OK, (await clients[winner.Index].GetAsync("/api/account")).StatusCode);
        using var fresh = Factory.CreateApiClient();

        // The losers that came after the winner tried a used code: failures that count toward the lockout
        // (docs/DOMAIN.md "Schools"), so the account may be locked for 15 minutes. After that, the winner's password works.
        Factory.Time.Advance(TimeSpan.FromMinutes(15));
        var signIn = await fresh.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(pending.Identifier, $"Violette-{2000 + winner.Index}"));
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }
}
