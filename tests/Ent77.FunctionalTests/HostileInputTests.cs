using Ent77.Application.Administration.Access;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ent77.Application.Establishments.IssueAdministrator;
using Ent77.FunctionalTests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using Mediator;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.FunctionalTests;

/// <summary>
/// Hostile input over every JSON endpoint and the CSV import: generated bodies (FsCheck) with Unicode,
/// control characters, huge strings and numbers, deep nesting, wrong types, and objects shaped like the
/// expected request with hostile values. Never a 500, every refusal a problem+json, the database intact.
/// </summary>
public sealed class HostileInputTests : FunctionalTest
{
    private const int BodiesPerEndpoint = 25;

    private static Gen<JsonNode?> Scalar() => Gen.OneOf(
        Gen.Constant<JsonNode?>(null),
        Gen.Elements<JsonNode?>(JsonValue.Create(true), JsonValue.Create(false)),
        ArbMap.Default.GeneratorFor<int>().Select(i => (JsonNode?)JsonValue.Create(i)),
        Gen.Elements<JsonNode?>(JsonValue.Create(double.MaxValue), JsonValue.Create(-1e308), JsonValue.Create(long.MinValue), JsonValue.Create(0.5)),
        ArbMap.Default.GeneratorFor<string>().Where(s => s is not null).Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Elements(
            "", " ", "\u0000", "\u202e\u0645admin", "𝕳𝖊𝖑𝖑𝖔", "héhé\r\n\t", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd",
            "=cmd|' /C calc'!A0", "AAAA-BBBB-CCCC", "0771234Y", "jean.dupont", "+33612345678", new string('é', 5000), new string('x', 100_000))
            .Select(s => (JsonNode?)JsonValue.Create(s)));

    private static Gen<JsonNode?> Value(int depth) => depth <= 0
        ? Scalar()
        : Gen.Frequency(
            (6, Scalar()),
            (1, Gen.ListOf(Value(depth - 1)).Select(items => (JsonNode?)new JsonArray(items.Select(i => i?.DeepClone()).ToArray()))),
            (1, Gen.ListOf(Gen.Zip(ArbMap.Default.GeneratorFor<string>().Where(k => k is not null), Value(depth - 1)))
                .Select(pairs =>
                {
                    var obj = new JsonObject();
                    foreach (var (key, value) in pairs)
                    {
                        obj[key] = value?.DeepClone();
                    }

                    return (JsonNode?)obj;
                })));

    /// <summary>An object with the request's own field names, each holding a hostile value.</summary>
    private static Gen<JsonNode?> Shaped(IReadOnlyList<string> fields) =>
        Gen.ListOf(Value(2)).Select(values =>
        {
            var obj = new JsonObject();
            var list = values.ToList();
            for (var i = 0; i < fields.Count; i++)
            {
                obj[fields[i]] = i < list.Count ? list[i]?.DeepClone() : null;
            }

            return (JsonNode?)obj;
        });

    private static string Serialise(JsonNode? node) => node is null ? "null" : node.ToJsonString();

    private async Task<(HttpClient Admin, Guid AccountId)> PrepareAsync()
    {
        await Factory.EnsureEstablishmentAsync();
        var pending = await Factory.CreatePendingAccountAsync();
        var issued = await Factory.WithScopeAsync(sp => sp.GetRequiredService<ISender>()
            .Send(new IssueAdministratorCommand(Actor.Operator, null, "Claire", "Martin", PlatformAdmin: true)).AsTask());
        var admin = Factory.CreateApiClient();
        (await admin.PostAsJsonAsync("/api/activation", Requests.Activation(issued.Identifier, issued.ActivationCode, email: "claire@ecole.example"))).EnsureSuccessStatusCode();
        return (admin, pending.Id);
    }

    [Fact]
    public async Task EveryJsonEndpoint_AnswersHostileBodiesWith4xxProblems_NeverA500()
    {
        var (admin, accountId) = await PrepareAsync();
        var endpoints = Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api", StringComparison.Ordinal))
            .Select(e => (Endpoint: e, Methods: e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []))
            .Where(e => e.Methods.Any(m => m is "POST" or "PUT"))
            .Where(e => !e.Endpoint.RoutePattern.RawText!.EndsWith("/imports", StringComparison.Ordinal))
            .ToList();
        Assert.True(endpoints.Count >= 15, $"Only {endpoints.Count} JSON endpoints found.");
        var failures = new List<string>();

        foreach (var (endpoint, methods) in endpoints)
        {
            var path = endpoint.RoutePattern.RawText!
                .Replace("{uai}", Ent77Factory.Uai, StringComparison.Ordinal)
                .Replace("{id:guid}", accountId.ToString(), StringComparison.Ordinal);
            var requestType = endpoint.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var fields = requestType?.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToList() ?? [];
            var bodies = Gen.Sample(Value(3), 20, BodiesPerEndpoint).Concat(Gen.Sample(Shaped(fields), 30, BodiesPerEndpoint))
                .Select(Serialise)
                .Concat(["{", "[]", "\"texte\"", "{\"a\":" + new string('[', 200) + new string(']', 200) + "}", ""]);
            foreach (var body in bodies)
            {
                using var request = new HttpRequestMessage(new HttpMethod(methods[0]), path)
                {
                    Content = new StringContent(body, Encoding.UTF8, "application/json"),
                };
                using var response = await admin.SendAsync(request);
                var status = (int)response.StatusCode;
                var contentType = response.Content.Headers.ContentType?.MediaType;
                if (status >= 500 || (status >= 400 && contentType != "application/problem+json"))
                {
                    failures.Add($"{methods[0]} {path} {status} {contentType} <- {Truncate(body)}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
        await Factory.AssertDatabaseIntactAsync();
        Assert.DoesNotContain(Factory.Secrets.Lines, line => line.Contains("Unhandled exception", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCsvImport_AnswersHostileFilesWith400OrSuccess_NeverA500_NeverAPartialWrite()
    {
        var (admin, _) = await PrepareAsync();
        var texts = Gen.Sample(ArbMap.Default.GeneratorFor<string>().Where(s => s is not null), 50, 40)
            .Select(s => Encoding.UTF8.GetBytes("Nom;Prénom;Profil\n" + s))
            .Concat(Gen.Sample(ArbMap.Default.GeneratorFor<byte[]>().Where(b => b is not null), 200, 20))
            .Concat([
                Encoding.UTF8.GetBytes("Nom;Prénom;Profil\nDupont;Jean;Élève\n\"Martin;\"\"Zoé;Élève\n"),
                Encoding.UTF8.GetBytes("Nom,Prénom,Profil\r\nDupont,Jean,Élève\r\n" + new string(',', 5000)),
                Encoding.Unicode.GetBytes("Nom;Prénom;Profil\nDupont;Jean;Élève\n"),
                [0xEF, 0xBB, 0xBF],
            ]);
        var failures = new List<string>();
        foreach (var bytes in texts)
        {
            var before = await CountsAsync();
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            using var response = await admin.PostAsync($"/api/admin/establishments/{Ent77Factory.Uai}/imports", content);
            var after = await CountsAsync();
            if ((int)response.StatusCode >= 500 || (response.StatusCode == HttpStatusCode.BadRequest && after != before))
            {
                failures.Add($"{(int)response.StatusCode} {Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, 40)))} {before}→{after}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    private Task<(int Accounts, int Codes)> CountsAsync() =>
        Factory.WithDbAsync(async db => (await db.Accounts.CountAsync(), await db.Set<Ent77.Domain.Accounts.ActivationCode>().CountAsync()));

    private static string Truncate(string body) => body.Length <= 120 ? body : body[..120] + "…";
}
