using System.Net;
using System.Net.Http.Json;
using Ent77.Domain.Accounts;
using Ent77.FunctionalTests.Infrastructure;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.FunctionalTests;

/// <summary>
/// The authorization matrix of every endpoint outside <c>/api/admin</c> (which <see cref="AdministrationAccessTests"/>
/// covers): the list comes from the running service, and an API endpoint without a rule here fails the test.
/// Anonymous endpoints answer everyone; the account endpoints answer 401 without a session and serve every
/// profile, administrators included.
/// </summary>
public sealed class EndpointAccessTests : FunctionalTest
{
    private static readonly HashSet<string> Anonymous = new(StringComparer.Ordinal)
    {
        "POST /api/auth/sign-in", "POST /api/auth/sign-out", "POST /api/activation", "GET /api/terms", "GET /api/establishments",
        "GET /api/password-policy", "GET /api/password-reset/channels", "POST /api/password-reset/", "POST /api/password-reset/confirm",
        "POST /api/identifier-reminder", "POST /api/email-confirmation", "POST /api/help-requests",
    };

    private static readonly HashSet<string> SignedIn = new(StringComparer.Ordinal)
    {
        "GET /api/account/", "POST /api/account/password", "PUT /api/account/contact",
        "GET /api/account/sessions", "DELETE /api/account/sessions/{id:guid}", "POST /api/account/sessions/sign-out-everywhere",
    };

    private static IEnumerable<string> ApiEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal)
                && !e.RoutePattern.RawText.StartsWith("/api/admin", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {e.RoutePattern.RawText}"));

    [Fact]
    public void EveryApiEndpoint_HasARule_AndEveryRuleAnEndpoint()
    {
        var endpoints = ApiEndpoints(Factory.Services).ToList();
        var unknown = endpoints.Where(e => !Anonymous.Contains(e) && !SignedIn.Contains(e)).ToList();
        var stale = Anonymous.Concat(SignedIn).Where(rule => !endpoints.Contains(rule)).ToList();

        Assert.True(unknown.Count == 0, "No access rule for: " + string.Join(", ", unknown));
        Assert.True(stale.Count == 0, "Rules for endpoints that do not exist: " + string.Join(", ", stale));
        Assert.Equal(Anonymous.Count + SignedIn.Count, endpoints.Count);
        Assert.Equal(18, endpoints.Count);
    }

    [Fact]
    public async Task AnonymousEndpoints_AnswerWithoutASession_AndAccountEndpointsAsk401()
    {
        var client = Factory.CreateApiClient();
        foreach (var endpoint in ApiEndpoints(Factory.Services))
        {
            var response = await SendAsync(client, endpoint);
            if (SignedIn.Contains(endpoint))
            {
                Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{endpoint} answered {(int)response.StatusCode} without a session");
            }
            else
            {
                // A 401 « Connexion impossible » is a wrong password, not a refusal to serve: only the challenge counts.
                var body = await response.Content.ReadAsStringAsync();
                Assert.True(response.StatusCode != HttpStatusCode.Forbidden && !body.Contains("Authentification requise", StringComparison.Ordinal),
                    $"{endpoint} answered {(int)response.StatusCode} to anonymous: {body}");
            }
        }
    }

    [Theory]
    [InlineData(Profile.Student, false)]
    [InlineData(Profile.Parent, false)]
    [InlineData(Profile.Teacher, false)]
    [InlineData(Profile.Staff, true)]
    public async Task AccountEndpoints_ServeEveryProfile(Profile profile, bool administrator)
    {
        var client = Factory.CreateApiClient();
        var pending = await Factory.CreatePendingAccountAsync("Camille", "Durand", profile);
        if (administrator)
        {
            await Factory.WithScopeAsync(async sp =>
            {
                var accounts = sp.GetRequiredService<Ent77.Application.Accounts.IAccountRepository>();
                var account = await accounts.FindAsync(new AccountId(pending.Id), default);
                account!.Grant(Role.EstablishmentAdmin, account.EstablishmentId);
                await sp.GetRequiredService<Ent77.Application.Common.Ports.IUnitOfWork>().SaveChangesAsync(default);
                return 0;
            });
        }

        (await client.PostAsJsonAsync("/api/activation", Requests.Activation(pending.Identifier, pending.Code))).EnsureSuccessStatusCode();
        // Signing out everywhere ends this session too: last.
        foreach (var endpoint in SignedIn.OrderBy(e => e.EndsWith("sign-out-everywhere", StringComparison.Ordinal)).ThenBy(e => e, StringComparer.Ordinal))
        {
            var response = await SendAsync(client, endpoint);
            Assert.True(response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden), $"{endpoint} answered {(int)response.StatusCode} to {profile}");
        }
    }

    /// <summary>A well-formed request for the endpoint (the content does not matter, only who may send it).</summary>
    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string endpoint)
    {
        var (method, pattern) = (endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)], endpoint[(endpoint.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var request = new HttpRequestMessage(new HttpMethod(method), pattern.TrimEnd('/').Replace("{id:guid}", Guid.NewGuid().ToString(), StringComparison.Ordinal));
        if (method is "POST" or "PUT" or "DELETE")
        {
            request.Content = JsonContent.Create(new { identifier = "x.y", password = "Violette-2012", email = "a@example.fr", currentPassword = "Violette-2012" });
        }

        return client.SendAsync(request);
    }
}
