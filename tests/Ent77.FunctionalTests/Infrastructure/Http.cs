using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ent77.Domain.Accounts;
using Ent77.WebApi.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Ent77.FunctionalTests.Infrastructure;

/// <summary>Assertions and small helpers shared by the HTTP tests.</summary>
public static class Http
{
    public const string ProblemJson = "application/problem+json";

    /// <summary>Asserts an RFC 9457 answer with <paramref name="status"/> and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? title = null)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        var actualTitle = problem.GetProperty("title").GetString();
        Assert.False(string.IsNullOrWhiteSpace(actualTitle));
        if (title is not null)
        {
            Assert.Equal(title, actualTitle);
        }

        return problem;
    }

    /// <summary>The <c>errors</c> object of a validation problem, as field → messages.</summary>
    public static Dictionary<string, string[]> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(m => m.GetString()!).ToArray(), StringComparer.Ordinal);

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string? body, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType) { CharSet = "utf-8" };
        }

        return client.SendAsync(request);
    }

    /// <summary>The <c>Set-Cookie</c> headers of a response, parsed.</summary>
    public static IList<SetCookieHeaderValue> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? SetCookieHeaderValue.ParseList(values.ToList()) : [];

    public static SetCookieHeaderValue SessionCookie(HttpResponseMessage response) =>
        Assert.Single(SetCookies(response), c => c.Name.Equals(Sessions.CookieName, StringComparison.Ordinal));

    /// <summary>
    /// Everything a client can tell two answers apart by: status, every header with its values (a <c>Date</c> header
    /// would only tell the time, and is left out), body bytes.
    /// </summary>
    public static async Task<Snapshot> SnapshotAsync(HttpResponseMessage response) => new(
        response.StatusCode,
        response.Content.Headers.ContentType?.ToString(),
        string.Join("\n", response.Headers.Concat(response.Content.Headers)
            .Where(h => !h.Key.Equals("Date", StringComparison.OrdinalIgnoreCase))
            .Select(h => $"{h.Key.ToLowerInvariant()}: {string.Join(", ", h.Value)}")
            .Order(StringComparer.Ordinal)),
        Convert.ToHexString(await response.Content.ReadAsByteArrayAsync()));

    public static Task<Account> LoadAccountAsync(this Ent77Factory factory, Guid id) =>
        factory.WithDbAsync(db => db.Accounts.AsNoTracking().Include(a => a.ActivationCodes).SingleAsync(a => a.Id == new AccountId(id)));

    public static Task<int> CountAuditEventsAsync(this Ent77Factory factory, string? type = null) =>
        factory.WithDbAsync(db => type is null ? db.AuditEvents.CountAsync() : db.AuditEvents.CountAsync(e => e.Type == type));

    public static Task<int> CountAccountsAsync(this Ent77Factory factory) =>
        factory.WithDbAsync(db => db.Accounts.CountAsync());

    /// <summary>
    /// The storage is intact: SQLite's <c>integrity_check</c>, or on PostgreSQL amcheck's <c>bt_index_check</c> on every
    /// index of the application's tables (each raises an error on a corrupt index).
    /// </summary>
    public static async Task AssertDatabaseIntactAsync(this Ent77Factory factory)
    {
        if (!factory.OnPostgres)
        {
            Assert.Equal(["ok"], await factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT integrity_check AS \"Value\" FROM pragma_integrity_check").ToListAsync()));
            return;
        }

        var checkedIndexes = await factory.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("CREATE EXTENSION IF NOT EXISTS amcheck");
            return await db.Database.SqlQueryRaw<int>(
                "SELECT COUNT(bt_index_check(c.oid, true))::int AS \"Value\" FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
                + "JOIN pg_am am ON am.oid = c.relam WHERE am.amname = 'btree' AND c.relnamespace = 'public'::regnamespace").SingleAsync();
        });
        Assert.True(checkedIndexes > 10, $"Only {checkedIndexes} indexes were checked.");
    }

    /// <summary>Asserts the account is untouched by a refused activation: Pending, no password, its code live.</summary>
    public static async Task AssertStillPendingAsync(this Ent77Factory factory, PendingAccount pending, int failedSignIns = 0)
    {
        var account = await factory.LoadAccountAsync(pending.Id);
        Assert.Equal(AccountStatus.Pending, account.Status);
        Assert.Null(account.PasswordHash);
        Assert.Null(account.Email);
        Assert.Null(account.MobilePhone);
        Assert.Null(account.AcceptedTermsVersion);
        Assert.Null(account.ActivatedAt);
        Assert.Equal(failedSignIns, account.FailedSignInCount);
        var code = Assert.Single(account.ActivationCodes);
        Assert.Null(code.ConsumedAt);
        Assert.NotNull(account.LiveCode(factory.Time.GetUtcNow()));
    }

    /// <summary>A client that does not keep cookies by itself: the test holds the session cookie (see <see cref="CookieSession"/>).</summary>
    public static CookieSession CreateCookieSession(this Ent77Factory factory)
    {
        var client = factory.CreateDefaultClient(new Uri("https://localhost"), new SecretRecordingHandler(factory.Secrets));
        client.DefaultRequestHeaders.Add(RequireRequestedWithMiddleware.HeaderName, "XMLHttpRequest");
        return new CookieSession(client);
    }
}

/// <summary>Status, content type, headers with their values, and body bytes (hex) of one answer.</summary>
public sealed record Snapshot(HttpStatusCode Status, string? ContentType, string Headers, string BodyHex);

/// <summary>
/// Holds the session cookie itself and sends it whatever its <c>Expires</c> says (the test clock is not the
/// real one, and a stolen cookie is replayed regardless): what is proved is that the server refuses it.
/// </summary>
public sealed class CookieSession(HttpClient client) : IDisposable
{
    public string? Cookie { get; set; }

    public HttpClient Client => client;

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = JsonContent.Create(json);
        }

        if (Cookie is not null)
        {
            request.Headers.Add("Cookie", $"{Sessions.CookieName}={Cookie}");
        }

        var response = await client.SendAsync(request);
        foreach (var cookie in Http.SetCookies(response).Where(c => c.Name.Equals(Sessions.CookieName, StringComparison.Ordinal)))
        {
            Cookie = cookie.Value.Length == 0 ? null : cookie.Value.ToString();
        }

        return response;
    }

    public Task<HttpResponseMessage> SignInAsync(string identifier, string password, bool rememberMe = false) =>
        SendAsync(HttpMethod.Post, "/api/auth/sign-in", Requests.SignIn(identifier, password, rememberMe));

    public async Task<HttpStatusCode> GetAccountStatusAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, "/api/account");
        return response.StatusCode;
    }

    public void Dispose() => client.Dispose();
}
