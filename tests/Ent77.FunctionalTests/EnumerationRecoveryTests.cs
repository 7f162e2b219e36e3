using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ent77.FunctionalTests.Infrastructure;

namespace Ent77.FunctionalTests;

/// <summary>
/// No enumeration through recovery and help: a known and an unknown subject get the same status and body,
/// for the same hashing work (none: these endpoints never verify a password).
/// </summary>
public sealed class EnumerationRecoveryTests : FunctionalTest
{
    private async Task<(Snapshot Known, Snapshot Unknown, int KnownWork, int UnknownWork)> CompareAsync(string path, object known, object unknown)
    {
        var client = Factory.CreateApiClient();
        var before = Factory.Hasher.Verifications + Factory.Hasher.Hashes;
        var knownAnswer = await Http.SnapshotAsync(await client.PostAsJsonAsync(path, known));
        var middle = Factory.Hasher.Verifications + Factory.Hasher.Hashes;
        var unknownAnswer = await Http.SnapshotAsync(await client.PostAsJsonAsync(path, unknown));
        var after = Factory.Hasher.Verifications + Factory.Hasher.Hashes;
        return (knownAnswer, unknownAnswer, middle - before, after - middle);
    }

    [Fact]
    public async Task PasswordReset_KnownAndUnknownIdentifiers_LookTheSame()
    {
        var account = await Factory.CreateActiveAccountAsync(Factory.CreateApiClient());

        var (known, unknown, knownWork, unknownWork) = await CompareAsync("/api/password-reset",
            new { identifier = account.Identifier, channel = "email" }, new { identifier = "personne.inconnue", channel = "email" });

        Assert.Equal(HttpStatusCode.Accepted, known.Status);
        Assert.Equal(known, unknown);
        Assert.Equal(knownWork, unknownWork);
    }

    [Fact]
    public async Task IdentifierReminder_KnownAndUnknownAddresses_LookTheSame()
    {
        await Factory.CreateActiveAccountAsync(Factory.CreateApiClient());

        var (known, unknown, knownWork, unknownWork) = await CompareAsync("/api/identifier-reminder",
            new { email = "helene.parent@example.fr" }, new { email = "inconnu@example.fr" });

        Assert.Equal(HttpStatusCode.Accepted, known.Status);
        Assert.Equal(known, unknown);
        Assert.Equal(knownWork, unknownWork);
    }

    [Fact]
    public async Task ResetConfirmation_AnUnknownAndAUsedToken_LookTheSame()
    {
        await Factory.CreateActiveAccountAsync(Factory.CreateApiClient());
        var body = new { password = "Tournesol-2027", passwordConfirmation = "Tournesol-2027" };

        var (first, second, firstWork, secondWork) = await CompareAsync("/api/password-reset/confirm",
            new { token = "jeton-inconnu-1", body.password, body.passwordConfirmation }, new { token = "jeton-inconnu-2", body.password, body.passwordConfirmation });

        Assert.Equal(HttpStatusCode.BadRequest, first.Status);
        Assert.Equal(first, second);
        Assert.Equal(firstWork, secondWork);
    }

    [Fact]
    public async Task HelpRequest_AKnownAndAnUnknownStudent_GetTheSameAnswer()
    {
        await Factory.CreatePendingAccountAsync("Hélène", "Dupont");
        var client = Factory.CreateApiClient();
        object Form(string student) => new { firstName = "Sophie", lastName = "Dupont", email = "s@example.fr", uai = Ent77Factory.Uai, kind = "Activation", studentName = student, message = "Code perdu" };

        var known = await client.PostAsJsonAsync("/api/help-requests", Form("Hélène Dupont"));
        var unknown = await client.PostAsJsonAsync("/api/help-requests", Form("Personne Inconnue"));

        Assert.Equal(known.StatusCode, unknown.StatusCode);
        var a = await known.Content.ReadFromJsonAsync<JsonElement>();
        var b = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.EnumerateObject().Select(p => p.Name), b.EnumerateObject().Select(p => p.Name));
        Assert.Matches("^AIDE-[0-9A-Z]{6}$", b.GetProperty("reference").GetString());
    }
}
