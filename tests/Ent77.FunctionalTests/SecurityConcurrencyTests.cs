using System.Net;
using System.Net.Http.Json;
using Ent77.FunctionalTests.Infrastructure;

namespace Ent77.FunctionalTests;

/// <summary>Guessing and single use under bursts of parallel requests: no race lets an extra guess or a second use through.</summary>
public sealed class GuessingBurstTests : FunctionalTest
{
    [Fact]
    public async Task ParallelWrongPasswords_LockTheAccount_AndTheRightOneIsThenRefused()
    {
        var account = await Factory.CreateActiveAccountAsync(Factory.CreateApiClient());

        var burst = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Factory.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, $"Mauvais-{i:D2}x"))));

        Assert.All(burst, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        var stored = await Factory.LoadAccountAsync(account.Id);
        Assert.True(stored.IsLockedOut(Factory.Time.GetUtcNow()), "Twelve parallel failures must lock the account.");
        var right = await Factory.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, "Violette-2012"));
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }

    [Fact]
    public async Task AfterFiveFailures_ABurstContainingTheRightPassword_GetsNothingThrough()
    {
        var account = await Factory.CreateActiveAccountAsync(Factory.CreateApiClient());
        for (var i = 0; i < 5; i++)
        {
            await Factory.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, $"Mauvais-{i:D2}x"));
        }

        var burst = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Factory.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, i == 5 ? "Violette-2012" : $"Autre-{i:D2}y"))));

        Assert.All(burst, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
    }

    [Fact]
    public async Task ParallelWrongActivationCodes_AllCount()
    {
        var pending = await Factory.CreatePendingAccountAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Factory.CreateApiClient().PostAsJsonAsync("/api/activation", Requests.Activation(pending.Identifier, $"AAAA-BBBB-CC{i:D2}"))));

        Assert.True((await Factory.LoadAccountAsync(pending.Id)).IsLockedOut(Factory.Time.GetUtcNow()));
        var right = await Factory.CreateApiClient().PostAsJsonAsync("/api/activation", Requests.Activation(pending.Identifier, pending.Code));
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }
}

public sealed class RateLimitBurstTests : FunctionalTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:Auth:PermitLimit"] = "20" };

    [Fact]
    public async Task ABurstOfThirtySignIns_LetsExactlyTwentyThrough()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 30).Select(i =>
            Factory.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn("personne.inconnue", $"Mauvais-{i}x"))));

        Assert.Equal(20, responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
    }
}

public sealed class ResetTokenSingleUseTests : MailTest
{
    [Fact]
    public async Task ParallelConfirmationsOfOneToken_ExactlyOneSucceeds()
    {
        var account = await Factory.CreateActiveAccountAsync(Factory.CreateApiClient());
        await Factory.CreateApiClient().PostAsJsonAsync("/api/password-reset", new { identifier = account.Identifier, channel = "email" });
        var mail = (await Smtp.WaitForAsync("helene.parent@example.fr", 2)).Single(m => m.Subject!.Contains("réinitialisation", StringComparison.Ordinal));
        var token = TokenFrom(mail, "reinitialisation");

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Factory.CreateApiClient().PostAsJsonAsync("/api/password-reset/confirm",
                new { token, password = $"Nouveau-{i:D2}-2027", passwordConfirmation = $"Nouveau-{i:D2}-2027" })));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.NoContent));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.NoContent), r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        var winner = Array.FindIndex(responses, r => r.StatusCode == HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.OK, (await Factory.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, $"Nouveau-{winner:D2}-2027"))).StatusCode);
    }
}
