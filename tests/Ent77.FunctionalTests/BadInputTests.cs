using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ent77.FunctionalTests.Infrastructure;

namespace Ent77.FunctionalTests;

/// <summary>
/// Hostile or broken requests: always a 4xx RFC 9457 problem with a French title, never a 500, and nothing
/// written. Unsafe requests under <c>/api</c> without <c>X-Requested-With</c> are refused (docs/API.md).
/// </summary>
public sealed class BadInputTests : FunctionalTest
{
    private const string InvalidRequest = "Requête invalide.";
    private const string InvalidFields = "Certaines informations sont invalides.";
    private const string UnsupportedFormat = "Format non pris en charge.";

    public sealed record BadRequestCase(string Path, string? Body, string ContentType, HttpStatusCode Status, string Title, string[]? ErrorFields = null);

    /// <summary><c>{code}</c> stands for the pending account's live code, so that only the defect is wrong.</summary>
    private static readonly Dictionary<string, BadRequestCase> Cases = new(StringComparer.Ordinal)
    {
        ["sign-in: malformed JSON"] = new("/api/auth/sign-in", """{"identifier": "helene.dupont", "password": """, "application/json", HttpStatusCode.BadRequest, InvalidRequest),
        ["sign-in: rememberMe is a string"] = new("/api/auth/sign-in", """{"identifier":"helene.dupont","password":"{code}","rememberMe":"yes"}""", "application/json", HttpStatusCode.BadRequest, InvalidRequest),
        ["sign-in: password is a number"] = new("/api/auth/sign-in", """{"identifier":"helene.dupont","password":42,"rememberMe":false}""", "application/json", HttpStatusCode.BadRequest, InvalidRequest),
        ["sign-in: identifier is an object"] = new("/api/auth/sign-in", """{"identifier":{"$ne":null},"password":"{code}"}""", "application/json", HttpStatusCode.BadRequest, InvalidRequest),
        ["sign-in: array instead of object"] = new("/api/auth/sign-in", """[{"identifier":"helene.dupont","password":"{code}"}]""", "application/json", HttpStatusCode.BadRequest, InvalidRequest),
        ["sign-in: JSON null"] = new("/api/auth/sign-in", "null", "application/json", HttpStatusCode.BadRequest, InvalidRequest),
        ["sign-in: no body"] = new("/api/auth/sign-in", null, "application/json", HttpStatusCode.BadRequest, InvalidRequest),
        ["sign-in: empty body"] = new("/api/auth/sign-in", string.Empty, "application/json", HttpStatusCode.BadRequest, InvalidRequest),
        ["sign-in: empty object"] = new("/api/auth/sign-in", "{}", "application/json", HttpStatusCode.BadRequest, InvalidFields, ["identifier", "password"]),
        ["sign-in: missing password"] = new("/api/auth/sign-in", """{"identifier":"helene.dupont"}""", "application/json", HttpStatusCode.BadRequest, InvalidFields, ["password"]),
        ["sign-in: text/plain"] = new("/api/auth/sign-in", """{"identifier":"helene.dupont","password":"{code}"}""", "text/plain", HttpStatusCode.UnsupportedMediaType, UnsupportedFormat),
        ["sign-in: form post"] = new("/api/auth/sign-in", "identifier=helene.dupont&password={code}", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType, UnsupportedFormat),
        ["activation: malformed JSON"] = new("/api/activation", """{"identifier":"helene.dupont","activationCode":"{code}",""", "application/json", HttpStatusCode.BadRequest, InvalidRequest),
        ["activation: acceptTerms is a string"] = new("/api/activation", ActivationJson("\"oui\""), "application/json", HttpStatusCode.BadRequest, InvalidRequest),
        ["activation: acceptTerms is null"] = new("/api/activation", ActivationJson("null"), "application/json", HttpStatusCode.BadRequest, InvalidRequest),
        ["activation: array instead of object"] = new("/api/activation", "[" + ActivationJson("true") + "]", "application/json", HttpStatusCode.BadRequest, InvalidRequest),
        ["activation: no body"] = new("/api/activation", null, "application/json", HttpStatusCode.BadRequest, InvalidRequest),
        ["activation: empty object"] = new("/api/activation", "{}", "application/json", HttpStatusCode.BadRequest, InvalidFields,
            ["acceptTerms", "activationCode", "email", "identifier", "password", "passwordConfirmation"]),
        ["activation: text/plain"] = new("/api/activation", ActivationJson("true"), "text/plain", HttpStatusCode.UnsupportedMediaType, UnsupportedFormat),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task BrokenRequest_Gives4xxProblemInFrench_AndWritesNothing(string name)
    {
        var @case = Cases[name];
        var client = Factory.CreateApiClient();
        var pending = await Factory.CreatePendingAccountAsync();
        var (accounts, audit, verifications) = (await Factory.CountAccountsAsync(), await Factory.CountAuditEventsAsync(), Factory.Hasher.Verifications);

        var response = await client.PostJsonAsync(@case.Path, @case.Body?.Replace("{code}", pending.Code, StringComparison.Ordinal), @case.ContentType);

        var problem = await Http.AssertProblemAsync(response, @case.Status, @case.Title);
        if (@case.ErrorFields is { } fields)
        {
            var errors = Http.Errors(problem);
            Assert.Equal(fields, errors.Keys.Order(StringComparer.Ordinal));
            Assert.All(errors.Values.SelectMany(m => m), m => Assert.False(string.IsNullOrWhiteSpace(m)));
        }
        else
        {
            Assert.Equal(JsonValueKind.String, problem.GetProperty("detail").ValueKind);
        }

        Assert.Empty(Http.SetCookies(response));
        Assert.Equal(accounts, await Factory.CountAccountsAsync());
        Assert.Equal(audit, await Factory.CountAuditEventsAsync());
        Assert.Equal(verifications, Factory.Hasher.Verifications);
        await Factory.AssertStillPendingAsync(pending);
    }

    [Theory]
    [InlineData("/api/auth/sign-in", "identifier", "L’identifiant est trop long.")]
    [InlineData("/api/auth/sign-in", "password", "Le mot de passe est trop long.")]
    [InlineData("/api/activation", "identifier", "L’identifiant est trop long.")]
    [InlineData("/api/activation", "activationCode", "Le code d’activation est trop long.")]
    [InlineData("/api/activation", "password", "Le mot de passe doit contenir au plus 128 caractères.")]
    public async Task OneMegabyteField_IsRefusedBeforeAnyHashing(string path, string field, string message)
    {
        var client = Factory.CreateApiClient();
        var pending = await Factory.CreatePendingAccountAsync();
        var huge = "a1" + new string('x', 1024 * 1024);
        var body = new Dictionary<string, object?>
        {
            ["identifier"] = pending.Identifier,
            ["activationCode"] = pending.Code,
            ["password"] = path == "/api/auth/sign-in" ? pending.Code : "Violette-2012",
            ["passwordConfirmation"] = "Violette-2012",
            ["email"] = "helene.parent@example.fr",
            ["acceptTerms"] = true,
        };
        body[field] = huge;
        if (field == "password")
        {
            body["passwordConfirmation"] = huge;
        }

        var (audit, verifications, hashes) = (await Factory.CountAuditEventsAsync(), Factory.Hasher.Verifications, Factory.Hasher.Hashes);

        var response = await client.PostAsJsonAsync(path, body);

        var errors = Http.Errors(await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest, InvalidFields));
        Assert.Equal([field], errors.Keys);
        Assert.Contains(message, errors[field]);
        Assert.Equal(verifications, Factory.Hasher.Verifications);
        Assert.Equal(hashes, Factory.Hasher.Hashes);
        Assert.Equal(audit, await Factory.CountAuditEventsAsync());
        await Factory.AssertStillPendingAsync(pending);
    }

    [Theory]
    [InlineData("\u0000")]
    [InlineData("\u0000.\u0000")]
    [InlineData("\u001b[2J\u001b[31m.dupont")]
    [InlineData("helene\r\nSet-Cookie: x=y.dupont")]
    [InlineData("\u0007\u0008\u007f.\u0085\u009f")]
    public async Task ControlCharactersInTheIdentifier_GiveTheGenericFailure_NeverA500(string identifier)
    {
        var client = Factory.CreateApiClient();
        var pending = await Factory.CreatePendingAccountAsync();
        var accounts = await Factory.CountAccountsAsync();
        var generic = await Http.SnapshotAsync(await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn("personne.inconnue", "Violette-2012")));

        var signIn = await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(identifier, pending.Code));
        var activation = await client.PostAsJsonAsync("/api/activation", Requests.Activation(identifier, pending.Code));

        Assert.Equal(generic, await Http.SnapshotAsync(signIn));
        Assert.Equal(generic, await Http.SnapshotAsync(activation));
        await Http.AssertProblemAsync(signIn, HttpStatusCode.Unauthorized, "Connexion impossible.");
        Assert.Equal(accounts, await Factory.CountAccountsAsync());
        await Factory.AssertStillPendingAsync(pending);
    }

    [Theory]
    [InlineData("/api/auth/sign-in")]
    [InlineData("/api/activation")]
    [InlineData("/api/auth/sign-out")]
    [InlineData("/API/Auth/Sign-In")]
    public async Task UnsafeRequestWithoutRequestedWith_Gives400_BeforeAnythingHappens(string path)
    {
        var pending = await Factory.CreatePendingAccountAsync();
        var client = Factory.CreateApiClient(withRequestedWith: false);
        object body = path == "/api/activation" ? Requests.Activation(pending.Identifier, pending.Code) : Requests.SignIn(pending.Identifier, pending.Code);
        var (audit, verifications) = (await Factory.CountAuditEventsAsync(), Factory.Hasher.Verifications);

        var response = await client.PostAsJsonAsync(path, body);

        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest, "En-tête manquant.");
        Assert.Contains("X-Requested-With", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(Http.SetCookies(response));
        Assert.Equal(audit, await Factory.CountAuditEventsAsync());
        Assert.Equal(verifications, Factory.Hasher.Verifications);
        await Factory.AssertStillPendingAsync(pending);

        // The same request with the header goes through.
        client.DefaultRequestHeaders.Add("X-Requested-With", "XMLHttpRequest");
        Assert.True((await client.PostAsJsonAsync(path, body)).IsSuccessStatusCode);
    }

    [Fact]
    public async Task ABlankRequestedWithHeader_IsRefusedToo()
    {
        var pending = await Factory.CreatePendingAccountAsync();
        var client = Factory.CreateApiClient(withRequestedWith: false);
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Requested-With", " ");

        var response = await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(pending.Identifier, pending.Code));

        await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest, "En-tête manquant.");
    }

    [Theory]
    [InlineData("/api/terms")]
    [InlineData("/api/establishments")]
    [InlineData("/api/password-policy")]
    [InlineData("/health/live")]
    public async Task SafeRequests_DoNotNeedTheHeader(string path)
    {
        var client = Factory.CreateApiClient(withRequestedWith: false);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ASignedInGetWithoutTheHeader_Works()
    {
        var client = Factory.CreateApiClient();
        await Factory.CreateActiveAccountAsync(client);
        client.DefaultRequestHeaders.Remove("X-Requested-With");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/account")).StatusCode);
    }

    [Fact]
    public async Task UnknownApiPath_And_WrongMethod_AreProblemsInFrenchToo()
    {
        var client = Factory.CreateApiClient();

        await Http.AssertProblemAsync(await client.GetAsync("/api/nope"), HttpStatusCode.NotFound, "Introuvable.");
        await Http.AssertProblemAsync(await client.PostAsync("/api/nope", null), HttpStatusCode.NotFound, "Introuvable.");
        await Http.AssertProblemAsync(await client.PostAsync("/api/terms", null), HttpStatusCode.MethodNotAllowed, "Méthode non autorisée.");
        await Http.AssertProblemAsync(await client.GetAsync("/api/auth/sign-in"), HttpStatusCode.MethodNotAllowed, "Méthode non autorisée.");
    }

    private static string ActivationJson(string acceptTerms) =>
        $$"""{"identifier":"helene.dupont","activationCode":"{code}","password":"Violette-2012","passwordConfirmation":"Violette-2012","email":"helene.parent@example.fr","acceptTerms":{{acceptTerms}},"rememberMe":false}""";
}
