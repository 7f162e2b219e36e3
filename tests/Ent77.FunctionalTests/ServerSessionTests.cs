using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ent77.Domain.Accounts;
using Ent77.FunctionalTests.Infrastructure;
using Ent77.Infrastructure.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.FunctionalTests;

/// <summary>
/// Sessions kept on the server (docs/SECURITY.md "Sessions"): a copy of a cookie dies with its session row (sign-out,
/// sign-out everywhere, password change), « Mon espace » lists and ends one's own sessions, administrators never get
/// « Se souvenir de moi », activity is written at most once a minute, and ended rows are purged.
/// </summary>
public sealed class ServerSessionTests : FunctionalTest
{
    private const string Password = "Violette-2012";
    private const string Firefox = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private const string ChromeAndroid = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    [Fact]
    public async Task ACookieCopiedBeforeSignOut_IsRefusedAfterIt()
    {
        var account = await ActiveAccountAsync();
        using var session = await SignedInAsync(account);
        var copy = session.Cookie;

        Assert.Equal(HttpStatusCode.NoContent, (await session.SendAsync(HttpMethod.Post, "/api/auth/sign-out")).StatusCode);

        using var thief = Replay(copy);
        Assert.Equal(HttpStatusCode.Unauthorized, await thief.GetAccountStatusAsync());
        Assert.Equal(0, await SessionRowsAsync(account.Id));
    }

    [Fact]
    public async Task SignOutEverywhere_EndsEverySession_AndEveryCopy()
    {
        var account = await ActiveAccountAsync();
        using var home = await SignedInAsync(account, rememberMe: true);
        using var school = await SignedInAsync(account, rememberMe: true);
        var (homeCopy, schoolCopy) = (home.Cookie, school.Cookie);
        Assert.Equal(2, await SessionRowsAsync(account.Id));

        using var response = await home.SendAsync(HttpMethod.Post, "/api/account/sessions/sign-out-everywhere");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(string.Empty, Http.SessionCookie(response).Value.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, await school.GetAccountStatusAsync());
        using var first = Replay(homeCopy);
        using var second = Replay(schoolCopy);
        Assert.Equal(HttpStatusCode.Unauthorized, await first.GetAccountStatusAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await second.GetAccountStatusAsync());
        Assert.Equal(0, await SessionRowsAsync(account.Id));
    }

    [Fact]
    public async Task APasswordChange_EndsTheOtherSessions_AndEveryOldCopy_ThisOneGoesOn()
    {
        var account = await ActiveAccountAsync();
        using var here = await SignedInAsync(account);
        using var elsewhere = await SignedInAsync(account, rememberMe: true);
        var copyOfHere = here.Cookie;
        var hereId = (await ListAsync(here)).Single(s => s.Current).Id;

        using var change = await here.SendAsync(HttpMethod.Post, "/api/account/password",
            new { currentPassword = Password, newPassword = "Tournesol-2027", newPasswordConfirmation = "Tournesol-2027" });

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await here.GetAccountStatusAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await elsewhere.GetAccountStatusAsync());
        using var copy = Replay(copyOfHere);
        Assert.Equal(HttpStatusCode.Unauthorized, await copy.GetAccountStatusAsync());
        var rows = await Factory.WithDbAsync(db => db.Sessions.AsNoTracking().Where(s => s.AccountId == new AccountId(account.Id)).Select(s => s.Id.Value).ToListAsync());
        Assert.Equal([hereId], rows);
    }

    [Fact]
    public async Task TheSessionList_ShowsEachDevice_AndWhichOneIsCurrent_WithoutTheUserAgent()
    {
        var account = await ActiveAccountAsync();
        using var laptop = await SignedInAsync(account, userAgent: Firefox);
        Factory.Time.Advance(TimeSpan.FromMinutes(5));
        using var phone = await SignedInAsync(account, rememberMe: true, userAgent: ChromeAndroid);

        using var response = await laptop.SendAsync(HttpMethod.Get, "/api/account/sessions");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sessions = JsonSerializer.Deserialize<List<SessionView>>(text, AdminHelpers.Json)!;
        Assert.Equal(2, sessions.Count);
        var current = Assert.Single(sessions, s => s.Current);
        Assert.Equal("Firefox sur Windows", current.Device);
        Assert.False(current.RememberMe);
        Assert.Equal(Factory.Time.GetUtcNow().AddMinutes(-5), current.CreatedAt);
        // This very request is activity: the laptop's idle end moved to 30 minutes from now.
        Assert.Equal(Factory.Time.GetUtcNow(), current.LastSeenAt);
        Assert.Equal(Factory.Time.GetUtcNow().AddMinutes(30), current.ExpiresAt);
        var other = Assert.Single(sessions, s => !s.Current);
        Assert.Equal("Chrome sur Android", other.Device);
        Assert.True(other.RememberMe);
        Assert.Equal(Factory.Time.GetUtcNow(), other.CreatedAt);
        Assert.Equal(Factory.Time.GetUtcNow().AddDays(30), other.ExpiresAt);
        Assert.DoesNotContain("Mozilla", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Pixel", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EndingOneOfMySessions_EndsOnlyThatOne_AndAnyOtherIdIsTheSame404()
    {
        var account = await ActiveAccountAsync();
        using var home = await SignedInAsync(account);
        using var schoolComputer = await SignedInAsync(account, rememberMe: true);
        var schoolId = (await ListAsync(schoolComputer)).Single(s => s.Current).Id;
        var stranger = await Factory.CreateActiveAccountAsync(Factory.CreateApiClient(), "Tournesol-2011", "Paul", "Durand");
        using var strangerSession = Factory.CreateCookieSession();
        await strangerSession.SignInAsync(stranger.Identifier, "Tournesol-2011");
        var strangerId = (await ListAsync(strangerSession)).Single(s => s.Current).Id;

        // Another account's session and a session that does not exist: the same answer, and nothing ends.
        using var foreign = await home.SendAsync(HttpMethod.Delete, $"/api/account/sessions/{strangerId}");
        using var missing = await home.SendAsync(HttpMethod.Delete, $"/api/account/sessions/{Guid.NewGuid()}");
        await Http.AssertProblemAsync(foreign, HttpStatusCode.NotFound);
        await Http.AssertProblemAsync(missing, HttpStatusCode.NotFound);
        Assert.Equal(await Body(foreign), await Body(missing));
        Assert.Equal(HttpStatusCode.OK, await strangerSession.GetAccountStatusAsync());

        using var ended = await home.SendAsync(HttpMethod.Delete, $"/api/account/sessions/{schoolId}");

        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await schoolComputer.GetAccountStatusAsync());
        Assert.Equal(HttpStatusCode.OK, await home.GetAccountStatusAsync());
        Assert.Equal(1, await SessionRowsAsync(account.Id));
        await Http.AssertProblemAsync(await home.SendAsync(HttpMethod.Delete, $"/api/account/sessions/{schoolId}"), HttpStatusCode.NotFound);

        static async Task<string> Body(HttpResponseMessage response) =>
            System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(), "\"traceId\":\"[^\"]*\"", string.Empty);
    }

    [Fact]
    public async Task AnAdministrator_NeverGetsRememberMe_WhateverTheRequestSays()
    {
        var admin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        using var session = Factory.CreateCookieSession();

        using var response = await session.SignInAsync(admin.Identifier, Password, rememberMe: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Http.SessionCookie(response);
        Assert.Null(cookie.Expires);
        Assert.Null(cookie.MaxAge);
        var current = (await ListAsync(session)).Single(s => s.Current);
        Assert.False(current.RememberMe);
        Assert.Equal(Factory.Time.GetUtcNow().AddMinutes(30), current.ExpiresAt);

        // Thirty-one idle minutes later the session is over, on the server too.
        var copy = session.Cookie;
        Factory.Time.Advance(TimeSpan.FromMinutes(31));
        using var replay = Replay(copy);
        Assert.Equal(HttpStatusCode.Unauthorized, await replay.GetAccountStatusAsync());
    }

    [Fact]
    public async Task Activity_IsWrittenAtMostOnceAMinute_AndMovesTheIdleEnd()
    {
        var account = await ActiveAccountAsync();
        using var session = await SignedInAsync(account);
        var signedInAt = Factory.Time.GetUtcNow();

        Factory.Time.Advance(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await session.GetAccountStatusAsync());
        }

        var row = await RowAsync(account.Id);
        Assert.Equal(signedInAt, row.LastSeenAt);
        Assert.Equal(signedInAt.AddMinutes(30), row.ExpiresAt);

        Factory.Time.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.OK, await session.GetAccountStatusAsync());

        row = await RowAsync(account.Id);
        Assert.Equal(signedInAt.AddSeconds(61), row.LastSeenAt);
        Assert.Equal(signedInAt.AddSeconds(61).AddMinutes(30), row.ExpiresAt);
    }

    [Fact]
    public async Task AnExpiredRow_EndsTheSession_EvenWithAFreshCookie()
    {
        var account = await ActiveAccountAsync();
        using var session = await SignedInAsync(account, rememberMe: true);
        Assert.Equal(HttpStatusCode.OK, await session.GetAccountStatusAsync());

        await Factory.WithDbAsync(db => db.Sessions.Where(s => s.AccountId == new AccountId(account.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ExpiresAt, Factory.Time.GetUtcNow().AddSeconds(-1))));

        Assert.Equal(HttpStatusCode.Unauthorized, await session.GetAccountStatusAsync());
    }

    [Fact]
    public async Task ThePurge_DeletesEndedSessions_AndKeepsLiveOnes()
    {
        var account = await ActiveAccountAsync();
        using var browser = await SignedInAsync(account);
        using var remembered = await SignedInAsync(account, rememberMe: true);
        Factory.Time.Advance(TimeSpan.FromMinutes(45));

        var purged = await Factory.WithScopeAsync(sp => sp.GetRequiredService<SessionPurgeJob>().RunAsync(default));

        Assert.Equal(1, purged);
        Assert.True((await RowAsync(account.Id)).RememberMe);
        Assert.Equal(HttpStatusCode.OK, await remembered.GetAccountStatusAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, await browser.GetAccountStatusAsync());
    }

    /// <summary>An activated account whose activation session is closed again: the test's sessions are its only ones.</summary>
    private async Task<PendingAccount> ActiveAccountAsync()
    {
        using var client = Factory.CreateApiClient();
        var account = await Factory.CreateActiveAccountAsync(client, Password);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/auth/sign-out", null)).StatusCode);
        Assert.Equal(0, await SessionRowsAsync(account.Id));
        return account;
    }

    private async Task<CookieSession> SignedInAsync(PendingAccount account, bool rememberMe = false, string? userAgent = null)
    {
        var session = Factory.CreateCookieSession();
        if (userAgent is not null)
        {
            session.Client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        }

        using var response = await session.SignInAsync(account.Identifier, Password, rememberMe);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return session;
    }

    private CookieSession Replay(string? cookie)
    {
        var copy = Factory.CreateCookieSession();
        copy.Cookie = cookie;
        return copy;
    }

    private static async Task<List<SessionView>> ListAsync(CookieSession session)
    {
        using var response = await session.SendAsync(HttpMethod.Get, "/api/account/sessions");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<List<SessionView>>(AdminHelpers.Json))!;
    }

    [Fact]
    public async Task TheDatabaseOptions_AreBuiltOnce_NotForEveryRequest()
    {
        // Every authenticated request checks its session through a new context: building its options per request
        // scope cost each one a parse of the connection string (docs/PERFORMANCE.md "Session check").
        var first = await Factory.WithDbAsync(db => Task.FromResult(db.GetService<IDbContextOptions>()));
        var second = await Factory.WithDbAsync(db => Task.FromResult(db.GetService<IDbContextOptions>()));

        Assert.Same(first, second);
    }

    private Task<int> SessionRowsAsync(Guid accountId) =>
        Factory.WithDbAsync(db => db.Sessions.CountAsync(s => s.AccountId == new AccountId(accountId)));

    private Task<Session> RowAsync(Guid accountId) =>
        Factory.WithDbAsync(db => db.Sessions.AsNoTracking().OrderByDescending(s => s.RememberMe).FirstAsync(s => s.AccountId == new AccountId(accountId)));

    private sealed record SessionView(Guid Id, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt, bool RememberMe, string Device, bool Current);
}
