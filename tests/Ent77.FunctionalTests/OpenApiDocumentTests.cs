using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Ent77.FunctionalTests.Infrastructure;
using Ent77.WebApi.OpenApi;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.FunctionalTests;

/// <summary>
/// The OpenAPI document describes every API endpoint of the running service: its id, its text, its success answer
/// and the error answers that apply to it (with a problem body), the session cookie where a session is needed.
/// An endpoint added without them fails here (and .ci/run's Spectral lint fails on the same document).
/// </summary>
public sealed partial class OpenApiDocumentTests : FunctionalTest
{
    /// <summary>One API endpoint as the service routes it, and what its metadata says it may answer.</summary>
    private sealed record ApiEndpoint(string Method, string Path, EndpointMetadataCollection Metadata)
    {
        public override string ToString() => $"{Method} {Path}";

        public bool Unsafe => Method is not ("GET" or "HEAD");

        public bool NeedsSession => Metadata.GetMetadata<IAuthorizeData>() is not null && Metadata.GetMetadata<IAllowAnonymous>() is null;

        public bool RateLimited => Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null;

        public bool Administration => Path.StartsWith("/api/admin/", StringComparison.Ordinal);

        public bool NamesAResource => Path.Contains("{uai}", StringComparison.Ordinal) || Path.Contains("{id}", StringComparison.Ordinal);

        public bool ReachesStorage => Metadata.GetMetadata<ApiDocument.AnswersWithoutStorage>() is null;
    }

    private List<ApiEndpoint> ApiEndpoints() =>
        Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal)
                && e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()!.HttpMethods
                .Select(m => new ApiEndpoint(m, DocumentPath(e.RoutePattern.RawText!), e.Metadata)))
            .ToList();

    /// <summary>The route as the document writes it: no constraints, no trailing slash.</summary>
    private static string DocumentPath(string route) => Constraint().Replace(route, "}").TrimEnd('/');

    private async Task<JsonElement> DocumentAsync()
    {
        var response = await Factory.CreateApiClient().GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task EveryApiEndpoint_IsAnOperation_WithItsIdTextAndSuccessAnswer()
    {
        var endpoints = ApiEndpoints();
        var paths = (await DocumentAsync()).GetProperty("paths");

        var operations = paths.EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(m => $"{m.Name.ToUpperInvariant()} {p.Name}")).ToList();
        Assert.Equal(endpoints.Select(e => e.ToString()).Order(StringComparer.Ordinal), operations.Order(StringComparer.Ordinal));
        Assert.Equal(32, operations.Count);

        var ids = new List<string>();
        foreach (var endpoint in endpoints)
        {
            var operation = Operation(paths, endpoint);
            ids.Add(Text(operation, "operationId", endpoint));
            Text(operation, "summary", endpoint);
            Text(operation, "description", endpoint);
            var successes = operation.GetProperty("responses").EnumerateObject().Where(r => r.Name.StartsWith('2')).ToList();
            Assert.True(successes.Count > 0, $"{endpoint}: no success answer");
            Assert.All(successes, s => Assert.True(
                s.Name == "204" || s.Value.TryGetProperty("content", out var content) && content.EnumerateObject().Any(),
                $"{endpoint}: the {s.Name} answer has no body"));
        }

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[A-Z][A-Za-z]+$", id));
    }

    [Fact]
    public async Task EveryOperation_DocumentsTheErrorAnswersThatApplyToIt_WithAProblemBody()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");

        foreach (var endpoint in ApiEndpoints())
        {
            var operation = Operation(paths, endpoint);
            var answers = operation.GetProperty("responses");
            var expected = new List<string>();
            if (endpoint.Unsafe)
            {
                expected.Add("400"); // the X-Requested-With rule
            }

            if (endpoint.NeedsSession)
            {
                expected.Add("401");
                var security = Assert.Single(operation.GetProperty("security").EnumerateArray());
                Assert.Equal(["session"], security.EnumerateObject().Select(s => s.Name));
            }
            else
            {
                Assert.False(operation.TryGetProperty("security", out _), $"{endpoint}: anonymous, yet asks for the session");
            }

            if (endpoint.Administration)
            {
                expected.Add("403");
            }

            if (endpoint.NamesAResource)
            {
                expected.Add("404");
            }

            if (endpoint.RateLimited)
            {
                expected.Add("429");
                Assert.True(answers.GetProperty("429").GetProperty("headers").TryGetProperty("Retry-After", out _), $"{endpoint}: 429 without Retry-After");
            }

            if (endpoint.ReachesStorage)
            {
                expected.Add("503");
            }
            else
            {
                Assert.False(answers.TryGetProperty("503", out _), $"{endpoint}: answers without the database, yet documents 503");
            }

            var documented = answers.EnumerateObject().Select(r => r.Name).ToList();
            var missing = expected.Except(documented).ToList();
            Assert.True(missing.Count == 0, $"{endpoint}: undocumented answers {string.Join(", ", missing)}");
            foreach (var error in answers.EnumerateObject().Where(r => r.Name[0] is '4' or '5'))
            {
                var schema = error.Value.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString();
                Assert.True(schema is "#/components/schemas/ProblemDetails" or "#/components/schemas/HttpValidationProblemDetails", $"{endpoint}: {error.Name} is not a problem ({schema})");
                Assert.False(string.IsNullOrWhiteSpace(error.Value.GetProperty("description").GetString()), $"{endpoint}: {error.Name} has no description");
            }
        }
    }

    [Fact]
    public async Task TheDocument_SaysWhoRunsTheApi_DeclaresTheSessionCookie_AndNamesEverySchema()
    {
        var document = await DocumentAsync();

        var info = document.GetProperty("info");
        Assert.Contains("X-Requested-With", info.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("contact-ent@ent77.fr", info.GetProperty("contact").GetProperty("email").GetString());
        Assert.Equal("Département de Seine-et-Marne", info.GetProperty("contact").GetProperty("name").GetString());
        Assert.Equal("/", Assert.Single(document.GetProperty("servers").EnumerateArray()).GetProperty("url").GetString());

        var session = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("session");
        Assert.Equal("apiKey", session.GetProperty("type").GetString());
        Assert.Equal("cookie", session.GetProperty("in").GetString());
        Assert.Equal("__Host-ent77", session.GetProperty("name").GetString());

        var schemas = document.GetProperty("components").GetProperty("schemas").EnumerateObject().Select(s => s.Name).ToList();
        Assert.All(schemas, name => Assert.Matches("^[A-Z][A-Za-z]+$", name));
        Assert.DoesNotContain(schemas, name => name.StartsWith("AnonymousType", StringComparison.Ordinal));
        Assert.Contains("ProblemDetails", schemas);
        Assert.Contains("HttpValidationProblemDetails", schemas);
    }

    [Fact]
    public async Task SignIn_DocumentsBothOfItsAnswers_AsOneOfTwoShapesTellingTheirOutcome()
    {
        var document = await DocumentAsync();

        var answer = document.GetProperty("components").GetProperty("schemas").GetProperty("SignInResponse");
        var discriminator = answer.GetProperty("discriminator");
        Assert.Equal("outcome", discriminator.GetProperty("propertyName").GetString());
        Assert.Equal(["activationRequired", "signedIn"], discriminator.GetProperty("mapping").EnumerateObject().Select(m => m.Name).Order(StringComparer.Ordinal));
    }

    private static JsonElement Operation(JsonElement paths, ApiEndpoint endpoint)
    {
        Assert.True(paths.TryGetProperty(endpoint.Path, out var path), $"{endpoint}: not in the document");
        Assert.True(path.TryGetProperty(endpoint.Method.ToLowerInvariant(), out var operation), $"{endpoint}: not in the document");
        return operation;
    }

    private static string Text(JsonElement operation, string property, ApiEndpoint endpoint)
    {
        var text = operation.TryGetProperty(property, out var value) ? value.GetString() : null;
        Assert.False(string.IsNullOrWhiteSpace(text), $"{endpoint}: no {property}");
        return text!;
    }

    [GeneratedRegex(@":[^}]+\}")]
    private static partial Regex Constraint();
}
