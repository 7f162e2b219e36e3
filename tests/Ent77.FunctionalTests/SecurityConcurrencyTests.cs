using System.Net;
using System.Net.Http.Json;
using Ent77.Domain.Accounts;
using Ent77.Domain.Auditing;
using Ent77.FunctionalTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Ent77.FunctionalTests;

/// <summary>
/// Guessing and single use under bursts of parallel requests: no race lets an extra guess or a second use through. The
/// counts are exact: five failures counted and the lock recorded once, every other attempt answered as locked without
/// its guess ever being checked against the account's hash.
/// </summary>
public sealed class GuessingBurstTests : FunctionalTest
{
    [Fact]
    public async Task TwelveParallelWrongPasswords_CountExactlyFive_ThenTheLockAnswersTheOtherSeven()
    {
        var account = await Factory.CreateActiveAccountAsync(Factory.CreateApiClient());

        var burst = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            Factory.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, $"Mauvais-{i:D2}x"))));

        Assert.All(burst, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        var stored = await Factory.LoadAccountAsync(account.Id);
        Assert.Equal(Factory.Time.GetUtcNow().AddMinutes(15), stored.LockedUntil);
        Assert.Equal(0, stored.FailedSignInCount);
        var failures = await FailuresAsync(account.Id);
        Assert.Equal(12, failures.Count);
        Assert.Equal(5, failures.Count(d => d is null));
        Assert.Equal(7, failures.Count(d => d == "compte verrouillé"));
        Assert.Equal(1, await Factory.CountAuditEventsAsync(AuditTypes.AccountLockedOut));

        var before = Factory.Hasher.RealHashVerifications;
        var right = await Factory.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, "Violette-2012"));
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Equal(before, Factory.Hasher.RealHashVerifications);
    }

    [Fact]
    public async Task AfterFiveFailures_ABurstContainingTheRightPassword_GetsNothingThrough_AndNoGuessIsChecked()
    {
        var account = await Factory.CreateActiveAccountAsync(Factory.CreateApiClient());
        for (var i = 0; i < 5; i++)
        {
            await Factory.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, $"Mauvais-{i:D2}x"));
        }

        var (verifications, real) = (Factory.Hasher.Verifications, Factory.Hasher.RealHashVerifications);
        var burst = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Factory.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, i == 5 ? "Violette-2012" : $"Autre-{i:D2}y"))));

        Assert.All(burst, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Empty(burst.SelectMany(Http.SetCookies));
        // Each attempt still did one hash's work (the dummy one): none was checked against the account's hash.
        Assert.Equal(verifications + 10, Factory.Hasher.Verifications);
        Assert.Equal(real, Factory.Hasher.RealHashVerifications);
        var failures = await FailuresAsync(account.Id);
        Assert.Equal(15, failures.Count);
        Assert.Equal(10, failures.Count(d => d == "compte verrouillé"));
        Assert.Equal(1, await Factory.CountAuditEventsAsync(AuditTypes.AccountLockedOut));
        // Only the session the activation opened: the burst opened none.
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Sessions.CountAsync(s => s.AccountId == new AccountId(account.Id))));
    }

    [Fact]
    public async Task EightParallelWrongActivationCodes_LockOnce_AndAreAllAudited()
    {
        var pending = await Factory.CreatePendingAccountAsync();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            Factory.CreateApiClient().PostAsJsonAsync("/api/activation", Requests.Activation(pending.Identifier, $"AAAA-BBBB-CC{i:D2}"))));

        Assert.Equal(Factory.Time.GetUtcNow().AddMinutes(15), (await Factory.LoadAccountAsync(pending.Id)).LockedUntil);
        Assert.Equal(8, await Factory.CountAuditEventsAsync(AuditTypes.ActivationFailed));
        Assert.Equal(1, await Factory.CountAuditEventsAsync(AuditTypes.AccountLockedOut));
        var right = await Factory.CreateApiClient().PostAsJsonAsync("/api/activation", Requests.Activation(pending.Identifier, pending.Code));
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
    }

    /// <summary>The account's sign-in failures in the audit, by detail (null: a wrong guess counted; « compte verrouillé »: refused by the lock).</summary>
    private Task<List<string?>> FailuresAsync(Guid accountId) =>
        Factory.WithDbAsync(db => db.AuditEvents.AsNoTracking()
            .Where(e => e.Type == AuditTypes.SignInFailed && e.AccountId == accountId).Select(e => e.Details).ToListAsync());
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
