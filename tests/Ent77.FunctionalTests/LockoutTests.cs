using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ent77.Domain.Auditing;
using Ent77.FunctionalTests.Infrastructure;

namespace Ent77.FunctionalTests;

/// <summary>
/// docs/DOMAIN.md "Lockout": 5 consecutive failed sign-ins (password or code) lock the account for 15 minutes;
/// a success resets the count; during a lock the answer is the same as for a wrong password.
/// </summary>
public sealed class LockoutTests : FunctionalTest
{
    private const string Password = "Violette-2012";
    private const string WrongPassword = "Violette-2099";

    /// <summary>Well-formed (Crockford base32, 12 symbols) but not the account's code.</summary>
    private const string WrongCode = "ABCD-EFGH-JKMN";

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_AndTheRightPasswordGetsTheWrongPasswordAnswer()
    {
        var pending = await ActiveAccountAsync();
        var client = Factory.CreateApiClient();

        byte[] wrongBody = [];
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(pending.Identifier, WrongPassword));
            await Http.AssertProblemAsync(wrong, HttpStatusCode.Unauthorized, "Connexion impossible.");
            wrongBody = await wrong.Content.ReadAsByteArrayAsync();
        }

        var locked = await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(pending.Identifier, Password));

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.Equal(wrongBody, await locked.Content.ReadAsByteArrayAsync());
        Assert.Empty(Http.SetCookies(locked));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/account")).StatusCode);
        var account = await Factory.LoadAccountAsync(pending.Id);
        Assert.Equal(Factory.Time.GetUtcNow().AddMinutes(15), account.LockedUntil);
        Assert.Equal(1, await Factory.CountAuditEventsAsync(AuditTypes.AccountLockedOut));
    }

    [Fact]
    public async Task TheLock_LastsFifteenMinutes_AndIsNotExtendedByAttemptsDuringIt()
    {
        var pending = await ActiveAccountAsync();
        var client = Factory.CreateApiClient();
        await FailAsync(client, pending.Identifier, 5);

        Factory.Time.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, pending.Identifier, Password)).StatusCode);

        Factory.Time.Advance(TimeSpan.FromMinutes(1));
        var unlocked = await SignInAsync(client, pending.Identifier, Password);

        Assert.Equal(HttpStatusCode.OK, unlocked.StatusCode);
        Assert.Equal("signedIn", (await unlocked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account")).StatusCode);
        var account = await Factory.LoadAccountAsync(pending.Id);
        Assert.Equal(0, account.FailedSignInCount);
        Assert.Null(account.LockedUntil);
    }

    [Fact]
    public async Task ASuccess_ResetsTheCount_FourFailuresTwiceDoNotLock()
    {
        var pending = await ActiveAccountAsync();
        var client = Factory.CreateApiClient();

        await FailAsync(client, pending.Identifier, 4);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, pending.Identifier, Password)).StatusCode);
        await FailAsync(client, pending.Identifier, 4);

        Assert.Equal(4, (await Factory.LoadAccountAsync(pending.Id)).FailedSignInCount);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, pending.Identifier, Password)).StatusCode);
        Assert.Equal(0, await Factory.CountAuditEventsAsync(AuditTypes.AccountLockedOut));
    }

    [Fact]
    public async Task WrongActivationCodes_CountTowardTheLock()
    {
        var pending = await Factory.CreatePendingAccountAsync();
        var client = Factory.CreateApiClient();

        byte[] wrongBody = [];
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/activation", Requests.Activation(pending.Identifier, WrongCode));
            await Http.AssertProblemAsync(wrong, HttpStatusCode.Unauthorized, "Connexion impossible.");
            wrongBody = await wrong.Content.ReadAsByteArrayAsync();
        }

        // The right code is refused, with the same answer, on both pages.
        var activation = await client.PostAsJsonAsync("/api/activation", Requests.Activation(pending.Identifier, pending.Code));
        Assert.Equal(HttpStatusCode.Unauthorized, activation.StatusCode);
        Assert.Equal(wrongBody, await activation.Content.ReadAsByteArrayAsync());
        var signIn = await SignInAsync(client, pending.Identifier, pending.Code);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Equal(wrongBody, await signIn.Content.ReadAsByteArrayAsync());
        await Factory.AssertStillPendingAsync(pending);

        // Fifteen minutes later the code works again.
        Factory.Time.Advance(TimeSpan.FromMinutes(15));
        var recognised = await SignInAsync(client, pending.Identifier, pending.Code);
        Assert.Equal("activationRequired", (await recognised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/activation", Requests.Activation(pending.Identifier, pending.Code))).StatusCode);
    }

    [Fact]
    public async Task WrongCodesAtSignInAndAtActivation_AddUp()
    {
        var pending = await Factory.CreatePendingAccountAsync();
        var client = Factory.CreateApiClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, pending.Identifier, WrongCode)).StatusCode);
        }

        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/activation", Requests.Activation(pending.Identifier, WrongCode))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, pending.Identifier, pending.Code)).StatusCode);
        Assert.NotNull((await Factory.LoadAccountAsync(pending.Id)).LockedUntil);
    }

    [Fact]
    public async Task FourWrongCodes_ThenTheRightOne_IsRecognised()
    {
        var pending = await Factory.CreatePendingAccountAsync();
        var client = Factory.CreateApiClient();

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, pending.Identifier, WrongCode)).StatusCode);
        }

        var recognised = await SignInAsync(client, pending.Identifier, pending.Code);
        Assert.Equal(HttpStatusCode.OK, recognised.StatusCode);
        Assert.Equal(0, (await Factory.LoadAccountAsync(pending.Id)).FailedSignInCount);
    }

    private async Task<PendingAccount> ActiveAccountAsync()
    {
        using var client = Factory.CreateApiClient();
        return await Factory.CreateActiveAccountAsync(client, Password);
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string identifier, string secret) =>
        client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(identifier, secret));

    private static async Task FailAsync(HttpClient client, string identifier, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, identifier, WrongPassword)).StatusCode);
        }
    }
}
