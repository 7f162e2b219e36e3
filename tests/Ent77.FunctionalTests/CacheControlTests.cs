using System.Net;
using System.Net.Http.Json;
using System.Text;
using Ent77.Domain.Accounts;
using Ent77.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.FunctionalTests;

/// <summary>
/// Every answer under /api may carry codes or personal data: each one, success or error, is <c>Cache-Control: no-store</c>
/// (no browser or proxy keeps a copy). Proved over every endpoint of the running service, as anonymous, as a member and as
/// an administrator, and over the error answers written by each layer (CSRF check, routing, authentication, the rate
/// limiter, the exception handler).
/// </summary>
public sealed class CacheControlTests : FunctionalTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["RateLimits:Help:PermitLimit"] = "2" };

    [Fact]
    public async Task EveryApiEndpoint_AnswersNoStore_WhoeverAsks()
    {
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Pattern: e.RoutePattern.RawText!)))
            .Where(e => !e.Pattern.EndsWith("sign-out-everywhere", StringComparison.Ordinal))
            .OrderBy(e => e.Pattern.EndsWith("sign-out", StringComparison.Ordinal)) // it ends the session: last
            .ToList();
        Assert.Equal(31, endpoints.Count);
        var member = await Factory.SignInMemberAsync(Profile.Student, "Lucas", "Bernard");
        var admin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        var clients = new[] { ("anonymous", Factory.CreateApiClient()), ("student", member.Client), ("administrator", admin.Client) };

        var failures = new List<string>();
        var statuses = new HashSet<int>();
        foreach (var (who, client) in clients)
        {
            foreach (var (method, pattern) in endpoints)
            {
                var path = pattern.TrimEnd('/')
                    .Replace("{uai}", Ent77Factory.Uai, StringComparison.Ordinal)
                    .Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method is "POST" or "PUT" or "DELETE")
                {
                    request.Content = JsonContent.Create(new { identifier = "x.y", password = "Mauvais-2099", email = "a@example.fr" });
                }

                using var response = await client.SendAsync(request);
                statuses.Add((int)response.StatusCode);
                if (response.Headers.CacheControl?.ToString() != "no-store")
                {
                    failures.Add($"{method} {pattern} as {who}: {(int)response.StatusCode} with Cache-Control « {response.Headers.CacheControl} »");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(new[] { 200, 202, 204, 400, 401, 403, 404 }.All(statuses.Contains), "statuses seen: " + string.Join(", ", statuses.Order()));
    }

    [Fact]
    public async Task ErrorAnswersFromEveryLayer_AreNoStore()
    {
        var client = Factory.CreateApiClient();
        await Factory.EnsureEstablishmentAsync();
        var answers = new List<(string Case, HttpResponseMessage Response, HttpStatusCode Expected)>
        {
            ("missing X-Requested-With", await Factory.CreateApiClient(withRequestedWith: false).PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn("x.y", "Mauvais-2099")), HttpStatusCode.BadRequest),
            ("sign-in failure", await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn("personne.inconnue", "Mauvais-2099")), HttpStatusCode.Unauthorized),
            ("validation", await client.PostAsJsonAsync("/api/auth/sign-in", new { identifier = "", password = "" }), HttpStatusCode.BadRequest),
            ("malformed JSON", await client.PostJsonAsync("/api/auth/sign-in", "{\"identifier\":"), HttpStatusCode.BadRequest),
            ("wrong content type", await client.PostJsonAsync("/api/auth/sign-in", "identifier=x", "text/plain"), HttpStatusCode.UnsupportedMediaType),
            ("unknown route", await client.GetAsync("/api/nulle-part"), HttpStatusCode.NotFound),
            ("wrong method", await client.DeleteAsync("/api/terms"), HttpStatusCode.MethodNotAllowed),
            ("no session", await client.GetAsync("/api/account"), HttpStatusCode.Unauthorized),
            ("too large", await client.PostAsync("/api/auth/sign-in", new StringContent(new string('a', 2 * 1024 * 1024), Encoding.UTF8, "application/json")), HttpStatusCode.RequestEntityTooLarge),
        };
        for (var i = 0; i < 3; i++)
        {
            answers.Add(($"help form #{i + 1}", await client.PostAsJsonAsync("/api/help-requests", new { website = "robot" }), i < 2 ? HttpStatusCode.Accepted : HttpStatusCode.TooManyRequests));
        }

        foreach (var (name, response, expected) in answers)
        {
            Assert.True(expected == response.StatusCode, $"{name}: expected {(int)expected}, got {(int)response.StatusCode}");
            Assert.True(response.Headers.CacheControl?.ToString() == "no-store", $"{name} ({(int)response.StatusCode}): Cache-Control « {response.Headers.CacheControl} »");
            Assert.False(response.Headers.Contains("Pragma"), name);
            response.Dispose();
        }
    }

    [Fact]
    public async Task ThePages_AreNotConcerned()
    {
        using var page = await Factory.CreateApiClient().GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.NotEqual("no-store", page.Headers.CacheControl?.ToString());
    }
}
