using System.Net;
using Ent77.Application.Accounts;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts;
using Ent77.FunctionalTests.Infrastructure;
using Ent77.WebApi.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Ent77.FunctionalTests;

/// <summary>
/// docs/DOMAIN.md "Sessions": cookie <c>__Host-ent77</c> (Secure, HttpOnly, SameSite=Lax, Path=/); without
/// « Se souvenir de moi » a browser-session cookie, 30 minutes idle, 12 hours absolute; with it persistent,
/// 30 days absolute; a change of security stamp (block, password change) ends the other sessions.
/// </summary>
public sealed class SessionTests : FunctionalTest
{
    private const string Password = "Violette-2012";

    [Fact]
    public async Task WithoutRememberMe_TheCookieIsABrowserSessionCookie_WithTheHostPrefixAttributes()
    {
        var pending = await ActiveAccountAsync();
        using var session = Factory.CreateCookieSession();

        using var response = await session.SignInAsync(pending.Identifier, Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Http.SessionCookie(response);
        AssertHostCookie(cookie);
        Assert.Null(cookie.Expires);
        Assert.Null(cookie.MaxAge);
        Assert.Equal(HttpStatusCode.OK, await session.GetAccountStatusAsync());
    }

    [Fact]
    public async Task WithRememberMe_TheCookieIsPersistent_ForThirtyDays()
    {
        var pending = await ActiveAccountAsync();
        using var session = Factory.CreateCookieSession();

        using var response = await session.SignInAsync(pending.Identifier, Password, rememberMe: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Http.SessionCookie(response);
        AssertHostCookie(cookie);
        var expected = Factory.Time.GetUtcNow().AddDays(30);
        Assert.NotNull(cookie.Expires);
        Assert.InRange(cookie.Expires.Value, expected.AddDays(-1), expected.AddDays(1));
    }

    [Fact]
    public async Task ActivationWithRememberMe_AlsoGivesAPersistentCookie()
    {
        var pending = await Factory.CreatePendingAccountAsync();
        using var session = Factory.CreateCookieSession();

        using var response = await session.SendAsync(HttpMethod.Post, "/api/activation", Requests.Activation(pending.Identifier, pending.Code, rememberMe: true));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = Http.SessionCookie(response);
        AssertHostCookie(cookie);
        Assert.NotNull(cookie.Expires);
        Assert.InRange(cookie.Expires.Value, Factory.Time.GetUtcNow().AddDays(29), Factory.Time.GetUtcNow().AddDays(31));
    }

    [Fact]
    public async Task SessionCookie_EndsAfterThirtyMinutesIdle()
    {
        var pending = await ActiveAccountAsync();
        using var session = Factory.CreateCookieSession();
        await session.SignInAsync(pending.Identifier, Password);
        Assert.Equal(HttpStatusCode.OK, await session.GetAccountStatusAsync());
        var replayed = session.Cookie;

        Factory.Time.Advance(TimeSpan.FromMinutes(31));

        using var response = await session.SendAsync(HttpMethod.Get, "/api/account");
        await Http.AssertProblemAsync(response, HttpStatusCode.Unauthorized, "Authentification requise.");
        session.Cookie = replayed;
        Assert.Equal(HttpStatusCode.Unauthorized, await session.GetAccountStatusAsync());
    }

    [Fact]
    public async Task SessionCookie_SlidesWithActivity_ButEndsTwelveHoursAfterSignIn()
    {
        var pending = await ActiveAccountAsync();
        using var session = Factory.CreateCookieSession();
        await session.SignInAsync(pending.Identifier, Password);
        var first = session.Cookie;

        // Activity every 20 minutes for 11 h 40: never idle for 30 minutes, so the session lives on.
        for (var elapsed = TimeSpan.FromMinutes(20); elapsed <= TimeSpan.FromHours(11) + TimeSpan.FromMinutes(40); elapsed += TimeSpan.FromMinutes(20))
        {
            Factory.Time.Advance(TimeSpan.FromMinutes(20));
            Assert.True(HttpStatusCode.OK == await session.GetAccountStatusAsync(), $"refused after {elapsed}");
        }

        // The cookie was renewed along the way (the first one would have been idle for hours).
        Assert.NotEqual(first, session.Cookie);
        Factory.Time.Advance(TimeSpan.FromMinutes(15));
        Assert.Equal(HttpStatusCode.OK, await session.GetAccountStatusAsync()); // 11 h 55

        // 12 h 05 after sign-in, only 10 minutes after the last request: the absolute limit ends it.
        Factory.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.Unauthorized, await session.GetAccountStatusAsync());
    }

    [Fact]
    public async Task RememberMeCookie_IsStillValidAfterTenDays_ButNotAfterThirtyOne()
    {
        var pending = await ActiveAccountAsync();
        using var session = Factory.CreateCookieSession();
        await session.SignInAsync(pending.Identifier, Password, rememberMe: true);
        var cookie = session.Cookie;

        Factory.Time.Advance(TimeSpan.FromDays(10));
        Assert.Equal(HttpStatusCode.OK, await session.GetAccountStatusAsync());

        Factory.Time.Advance(TimeSpan.FromDays(19));
        Assert.Equal(HttpStatusCode.OK, await session.GetAccountStatusAsync());

        // A persistent cookie is not renewed: its 30 days run from the sign-in.
        Assert.Equal(cookie, session.Cookie);
        Factory.Time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(HttpStatusCode.Unauthorized, await session.GetAccountStatusAsync());
    }

    [Fact]
    public async Task BlockingTheAccount_EndsItsOpenSessions()
    {
        var pending = await ActiveAccountAsync();
        using var first = Factory.CreateCookieSession();
        using var second = Factory.CreateCookieSession();
        await first.SignInAsync(pending.Identifier, Password);
        await second.SignInAsync(pending.Identifier, Password, rememberMe: true);
        Assert.Equal(HttpStatusCode.OK, await first.GetAccountStatusAsync());
        Assert.Equal(HttpStatusCode.OK, await second.GetAccountStatusAsync());

        await ChangeAccountAsync(pending.Id, (account, now) => account.Block(now));

        using var response = await second.SendAsync(HttpMethod.Get, "/api/account");
        await Http.AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        // The refused cookie is cleared.
        Assert.Equal(string.Empty, Http.SessionCookie(response).Value.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, await first.GetAccountStatusAsync());
        // A blocked account cannot sign in again.
        using var again = Factory.CreateCookieSession();
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.SignInAsync(pending.Identifier, Password)).StatusCode);
    }

    [Fact]
    public async Task ANewSecurityStamp_EndsOldSessions_EvenOnceTheAccountIsActiveAgain()
    {
        var pending = await ActiveAccountAsync();
        using var old = Factory.CreateCookieSession();
        await old.SignInAsync(pending.Identifier, Password, rememberMe: true);
        Assert.Equal(HttpStatusCode.OK, await old.GetAccountStatusAsync());
        var stolen = old.Cookie;

        await ChangeAccountAsync(pending.Id, (account, now) => account.Block(now));
        await ChangeAccountAsync(pending.Id, (account, now) => account.Unblock(now));
        Assert.Equal(AccountStatus.Active, (await Factory.LoadAccountAsync(pending.Id)).Status);

        // The account is Active again, yet the cookie carries the old stamp: refused.
        old.Cookie = stolen;
        Assert.Equal(HttpStatusCode.Unauthorized, await old.GetAccountStatusAsync());

        using var fresh = Factory.CreateCookieSession();
        Assert.Equal(HttpStatusCode.OK, (await fresh.SignInAsync(pending.Identifier, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, await fresh.GetAccountStatusAsync());
    }

    [Fact]
    public async Task SignOut_ClearsTheCookie_WithTheAttributesABrowserNeedsToDropIt()
    {
        var pending = await ActiveAccountAsync();
        using var session = Factory.CreateCookieSession();
        await session.SignInAsync(pending.Identifier, Password, rememberMe: true);

        using var response = await session.SendAsync(HttpMethod.Post, "/api/auth/sign-out");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var cleared = Http.SessionCookie(response);
        Assert.Equal(string.Empty, cleared.Value.ToString());
        Assert.True(cleared.Secure);
        Assert.Equal("/", cleared.Path.ToString());
        Assert.NotNull(cleared.Expires);
        Assert.True(cleared.Expires < DateTimeOffset.UtcNow);
        Assert.Null(session.Cookie);
        Assert.Equal(HttpStatusCode.Unauthorized, await session.GetAccountStatusAsync());
    }

    private static void AssertHostCookie(SetCookieHeaderValue cookie)
    {
        Assert.Equal(Sessions.CookieName, cookie.Name.ToString());
        Assert.False(string.IsNullOrEmpty(cookie.Value.ToString()));
        Assert.True(cookie.Secure);
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Net.Http.Headers.SameSiteMode.Lax, cookie.SameSite);
        Assert.Equal("/", cookie.Path.ToString());
        Assert.True(cookie.Domain.Length == 0, "a __Host- cookie has no Domain");
    }

    private async Task<PendingAccount> ActiveAccountAsync()
    {
        using var client = Factory.CreateApiClient();
        return await Factory.CreateActiveAccountAsync(client, Password);
    }

    private Task<bool> ChangeAccountAsync(Guid id, Action<Account, DateTimeOffset> change) =>
        Factory.WithScopeAsync(async sp =>
        {
            var account = await sp.GetRequiredService<IAccountRepository>().FindAsync(new AccountId(id), default)
                ?? throw new InvalidOperationException("no such account");
            change(account, Factory.Time.GetUtcNow());
            await sp.GetRequiredService<IUnitOfWork>().SaveChangesAsync(default);
            return true;
        });
}
