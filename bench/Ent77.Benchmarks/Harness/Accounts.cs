using Ent77.Application.Administration.Access;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Ent77.Application.Administration.ImportRoster;
using Mediator;

namespace Ent77.Benchmarks.Harness;

/// <summary>Active accounts made the way people make them: imported from a roster, then activated over HTTP.</summary>
internal static class Accounts
{
    public const string Password = "Zq7-Xw9-Vb3-Pj8t";

    public sealed record Active(string Identifier, string Email);

    public static async Task<List<Active>> CreateActiveAsync(ServiceHost host, HttpClient client, int count, string emailDomain = "ent77.bench", int seed = 7, string externalIdSuffix = "BN")
    {
        await host.EnsureEstablishmentAsync();
        var csv = Roster.GenerateUtf8(count, seed, externalIdSuffix);
        ImportResult imported;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            using var stream = new MemoryStream(csv);
            imported = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ImportRosterCommand(Actor.Operator, ServiceHost.Uai, stream, DryRun: false));
        }

        var active = new List<Active>();
        using var gate = new SemaphoreSlim(Environment.ProcessorCount);
        await Task.WhenAll(imported.Batch.Accounts.Select(async person =>
        {
            await gate.WaitAsync();
            try
            {
                var email = $"{person.Identifier}@{emailDomain}";
                using var response = await client.PostAsJsonAsync("/api/activation", new
                {
                    identifier = person.Identifier,
                    activationCode = person.ActivationCode,
                    password = Password,
                    passwordConfirmation = Password,
                    email,
                    acceptTerms = true,
                    rememberMe = false,
                });
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"Activation of {person.Identifier} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }

                lock (active)
                {
                    active.Add(new Active(person.Identifier, email));
                }
            }
            finally
            {
                gate.Release();
            }
        }));
        return active;
    }

    /// <summary>Signs in and returns the session cookie (<c>__Host-ent77=…</c>) to send by hand (the cookie is Secure, the loopback is http).</summary>
    public static async Task<string> SessionCookieAsync(HttpClient client, string identifier)
    {
        using var response = await client.PostAsync("/api/auth/sign-in", SignInBody(identifier));
        response.EnsureSuccessStatusCode();
        var cookie = response.Headers.GetValues("Set-Cookie").First(c => c.StartsWith("__Host-ent77=", StringComparison.Ordinal));
        return cookie.Split(';', 2)[0];
    }

    public static ByteArrayContent SignInBody(string identifier)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { identifier, password = Password, rememberMe = false })));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return content;
    }
}
