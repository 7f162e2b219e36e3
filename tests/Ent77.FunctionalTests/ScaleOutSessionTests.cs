using System.Net;
using System.Net.Http.Json;
using Ent77.FunctionalTests.Infrastructure;
using Ent77.TestSupport;

namespace Ent77.FunctionalTests;

/// <summary>
/// Two services on one database (SQLite file, or PostgreSQL with ENT77_TEST_DATABASE=postgres, where each keeps the
/// session checks in memory behind its revocation listener: docs/PERFORMANCE.md "Session check"): whatever ends
/// sessions on one (sign-out everywhere, a password change, a block) is refused by the other at its next request. Every
/// session is used twice on each service first (in memory there, where there is a cache), and each refusal is checked
/// with the cookie as it was before (a refused request would clear it). On the service that made the change the refusal is
/// immediate; on the other it comes with the database's notification (docs/adr/0012: well under a millisecond on an idle
/// machine), so there the check allows it <see cref="NotificationDelay"/> on a loaded one.
/// </summary>
public sealed class ScaleOutSessionTests : IAsyncLifetime
{
    /// <summary>The longest a notification may take to reach the other service here (2 shared cores, tests in parallel).</summary>
    private static readonly TimeSpan NotificationDelay = TimeSpan.FromSeconds(1);

    private readonly TestDatabase _database = TestDatabase.Create();
    private Ent77Factory _one = null!;
    private Ent77Factory _two = null!;

    public ValueTask InitializeAsync()
    {
        _one = new Ent77Factory(_database.Settings);
        _ = _one.Services; // the first one migrates
        _two = new Ent77Factory(_database.Settings);
        _ = _two.Services;
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task SignOutEverywhereOnOne_IsRefusedOnTheOther_ForEverySession()
    {
        var account = await _one.CreateActiveAccountAsync(_one.CreateApiClient());
        var phone = await SignInAsync(_one, account.Identifier);
        var laptop = await SignInAsync(_two, account.Identifier);
        await UsedOnBothAsync(phone);
        await UsedOnBothAsync(laptop);

        Assert.Equal(HttpStatusCode.NoContent, await SendAsync(_one, HttpMethod.Post, "/api/account/sessions/sign-out-everywhere", phone));

        Assert.Equal(HttpStatusCode.Unauthorized, await AccountStatusSoonAsync(_two, phone));
        Assert.Equal(HttpStatusCode.Unauthorized, await AccountStatusSoonAsync(_two, laptop));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(_one, HttpMethod.Get, "/api/account", laptop));
    }

    [Fact]
    public async Task APasswordChangeOnOne_EndsTheOtherSessionOnTheOther()
    {
        var account = await _one.CreateActiveAccountAsync(_one.CreateApiClient());
        var phone = await SignInAsync(_one, account.Identifier);
        var laptop = await SignInAsync(_two, account.Identifier);
        await UsedOnBothAsync(phone);
        await UsedOnBothAsync(laptop);

        using (var change = new HttpRequestMessage(HttpMethod.Post, "/api/account/password"))
        {
            change.Headers.Add("Cookie", phone);
            change.Content = JsonContent.Create(new { currentPassword = "Violette-2012", newPassword = "Glycine-2013", newPasswordConfirmation = "Glycine-2013" });
            _one.RegisterSecrets("Glycine-2013");
            Assert.Equal(HttpStatusCode.NoContent, (await _one.CreateApiClient().SendAsync(change)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, await AccountStatusSoonAsync(_two, laptop));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(_one, HttpMethod.Get, "/api/account", laptop));
    }

    [Fact]
    public async Task ABlockOnOne_EndsTheAccountsSessionsOnTheOther()
    {
        var account = await _one.CreateActiveAccountAsync(_one.CreateApiClient());
        var phone = await SignInAsync(_two, account.Identifier);
        await UsedOnBothAsync(phone);
        var admin = await _one.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.PostAsync($"/api/admin/accounts/{account.Id}/block", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, await AccountStatusSoonAsync(_two, phone));
        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(_one, HttpMethod.Get, "/api/account", phone));
    }

    /// <summary>Signs in on <paramref name="factory"/> and returns the session cookie (<c>name=value</c>) to send by hand.</summary>
    private static async Task<string> SignInAsync(Ent77Factory factory, string identifier)
    {
        using var response = await factory.CreateApiClient().PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(identifier, "Violette-2012"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Http.SessionCookie(response);
        return $"{cookie.Name}={cookie.Value}";
    }

    private async Task UsedOnBothAsync(string cookie)
    {
        foreach (var factory in new[] { _one, _two, _one, _two })
        {
            Assert.Equal(HttpStatusCode.OK, await SendAsync(factory, HttpMethod.Get, "/api/account", cookie));
        }
    }

    /// <summary>The account read on <paramref name="factory"/>, asked again while it is still answered, for <see cref="NotificationDelay"/> at most.</summary>
    private static async Task<HttpStatusCode> AccountStatusSoonAsync(Ent77Factory factory, string cookie)
    {
        var status = HttpStatusCode.OK;
        await Eventually.HoldsWithinAsync(
            async () => (status = await SendAsync(factory, HttpMethod.Get, "/api/account", cookie)) != HttpStatusCode.OK, NotificationDelay);
        return status;
    }

    private static async Task<HttpStatusCode> SendAsync(Ent77Factory factory, HttpMethod method, string path, string cookie)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", cookie);
        using var response = await factory.CreateApiClient().SendAsync(request);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        await _one.Secrets.AssertNothingLeakedAsync(_one);
        await _two.Secrets.AssertNothingLeakedAsync(_two);
        await _two.DisposeAsync();
        await _one.DisposeAsync();
        _database.Dispose();
    }
}
