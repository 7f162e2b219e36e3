using Ent77.Application.Administration.Access;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ent77.Application.Common.Ports;
using Ent77.Application.Establishments.IssueAdministrator;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.FunctionalTests.Infrastructure;

/// <summary>
/// Helpers of the administration tests: signed-in administrators and members, roster imports, the answers as
/// the contract spells them (docs/API.md "Administration"), counts of what is stored.
/// </summary>
public static class AdminHelpers
{
    /// <summary>The JSON of the API: camelCase, enums as their names.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public const string RosterHeader = "Nom;Prénom;Profil;Classe;Date de naissance;Identifiant externe";

    static AdminHelpers() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>A valid UAI for 7 digits: the check letter is <c>ABCDEFGHJKLMNPRSTUVWXYZ</c>[digits mod 23] (docs/DOMAIN.md "Schools").</summary>
    public static string UaiFor(string sevenDigits) =>
        sevenDigits + "ABCDEFGHJKLMNPRSTUVWXYZ"[int.Parse(sevenDigits, CultureInfo.InvariantCulture) % 23];

    /// <summary>
    /// An administrator of <paramref name="uai"/> (and of the platform when <paramref name="platformAdmin"/>), issued as the
    /// command line does, activated through the API; the returned client holds its session.
    /// </summary>
    public static async Task<Member> SignInAdministratorAsync(this Ent77Factory factory, string uai, string firstName, string lastName, bool platformAdmin = false)
    {
        await factory.EnsureEstablishmentAsync(uai, $"Établissement {uai}");
        var issued = await factory.WithScopeAsync(sp => sp.GetRequiredService<ISender>()
            .Send(new IssueAdministratorCommand(Actor.Operator, platformAdmin ? null : uai, firstName, lastName, PlatformAdmin: platformAdmin)).AsTask());
        factory.RegisterSecrets(issued.ActivationCode, "Violette-2012");
        var client = factory.CreateApiClient();
        await client.ActivateAsync(issued.Identifier, issued.ActivationCode);
        return new Member(client, issued.Id, issued.Identifier, factory);
    }

    /// <summary>
    /// Claire Martin, administrator of the test school (<see cref="Ent77Factory.Uai"/>), signed in, imports a roster of
    /// <paramref name="rows"/>: she, and the issued codes by identifier.
    /// </summary>
    public static async Task<(Member Admin, Dictionary<string, IssuedCode> People)> ImportSchoolAsync(this Ent77Factory factory, params string[] rows)
    {
        var admin = await factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        var import = await admin.ImportOkAsync(Ent77Factory.Uai, Roster(rows));
        return (admin, import.Accounts.ToDictionary(a => a.Identifier));
    }

    /// <summary>An active member of the test school (<see cref="Ent77Factory.Uai"/>) with that profile, signed in.</summary>
    public static async Task<Member> SignInMemberAsync(this Ent77Factory factory, Profile profile, string firstName, string lastName)
    {
        var pending = await factory.CreatePendingAccountAsync(firstName, lastName, profile);
        var client = factory.CreateApiClient();
        await client.ActivateAsync(pending.Identifier, pending.Code);
        return new Member(client, pending.Id, pending.Identifier, factory);
    }

    /// <summary>Activates with <see cref="Requests.Activation"/> (password <c>Violette-2012</c>) and asserts it signed in.</summary>
    public static async Task ActivateAsync(this HttpClient client, string identifier, string code, string password = "Violette-2012")
    {
        using var response = await client.PostAsJsonAsync("/api/activation", Requests.Activation(identifier, code, password, email: $"{identifier}@example.fr"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Activation of {identifier} failed ({(int)response.StatusCode}): {body}");
        Assert.Equal("signedIn", JsonDocument.Parse(body).RootElement.GetProperty("outcome").GetString());
    }

    /// <summary>Signs in on a fresh client: the status, and the <c>outcome</c> when 200.</summary>
    public static async Task<(HttpStatusCode Status, string? Outcome)> TrySignInAsync(this Ent77Factory factory, string identifier, string secret)
    {
        factory.RegisterSecrets(secret);
        using var client = factory.CreateApiClient();
        using var response = await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(identifier, secret));
        var outcome = response.StatusCode == HttpStatusCode.OK
            ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString()
            : null;
        return (response.StatusCode, outcome);
    }

    /// <summary>Secrets handed out or typed in a test: no log line and no audit event may contain them (see <see cref="SecretWatch"/>).</summary>
    public static void RegisterSecrets(this Ent77Factory factory, params IEnumerable<string?> secrets)
    {
        foreach (var secret in secrets.OfType<string>())
        {
            factory.Secrets.Register(secret);
            factory.Secrets.Register(secret.Replace("-", string.Empty, StringComparison.Ordinal));
        }
    }

    /// <summary>The codes of an import or re-issue answer, as secrets to watch.</summary>
    public static ImportAnswer Watch(this ImportAnswer answer, Ent77Factory factory)
    {
        factory.RegisterSecrets(answer.Accounts.Select(a => a.ActivationCode));
        return answer;
    }

    public static string ImportPath(string uai, string? query = null) =>
        $"/api/admin/establishments/{uai}/imports" + (query is null ? string.Empty : "?" + query);

    /// <summary>Posts a roster as a <c>text/csv</c> body (UTF-8 unless bytes are given).</summary>
    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string uai, string csv, string? query = null) =>
        client.ImportAsync(uai, Encoding.UTF8.GetBytes(csv), query);

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string uai, byte[] csv, string? query = null)
    {
        var content = new ByteArrayContent(csv);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return client.PostAsync(ImportPath(uai, query), content);
    }

    /// <summary>Imports and asserts a JSON 200 answer.</summary>
    public static async Task<ImportAnswer> ImportOkAsync(this HttpClient client, string uai, string csv, string? query = null) =>
        await ReadOkAsync<ImportAnswer>(await client.ImportAsync(uai, csv, query));

    public static async Task<ImportAnswer> ImportOkAsync(this HttpClient client, string uai, byte[] csv, string? query = null) =>
        await ReadOkAsync<ImportAnswer>(await client.ImportAsync(uai, csv, query));

    /// <summary>New codes (<c>POST …/activation-codes</c>).</summary>
    public static Task<HttpResponseMessage> ReissueAsync(this HttpClient client, string uai, object body, string? query = null) =>
        client.PostAsJsonAsync($"/api/admin/establishments/{uai}/activation-codes" + (query is null ? string.Empty : "?" + query), body);

    public static async Task<T> GetOkAsync<T>(this HttpClient client, string path) => await ReadOkAsync<T>(await client.GetAsync(path));

    /// <summary>Asserts a 200 JSON answer (with the body in the failure message) and reads it.</summary>
    public static async Task<T> ReadOkAsync<T>(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Expected 200, got {(int)response.StatusCode}: {text}");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            return JsonSerializer.Deserialize<T>(text, Json)!;
        }
    }

    /// <summary>The bad rows of a refused roster, as (line, column), after checking the problem's shape.</summary>
    public static async Task<IReadOnlyList<(int Line, string Column, string Reason)>> AssertRosterRefusedAsync(HttpResponseMessage response)
    {
        var problem = await Http.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var messages = Http.Errors(problem)["fichier"];
        var rows = problem.GetProperty("rows").EnumerateArray()
            .Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("column").GetString()!, r.GetProperty("reason").GetString()!))
            .ToList();
        Assert.NotEmpty(rows);
        Assert.Equal(rows.Count, messages.Length);
        foreach (var (line, column, reason) in rows)
        {
            Assert.False(string.IsNullOrWhiteSpace(reason));
            Assert.False(string.IsNullOrWhiteSpace(column));
            Assert.Contains(messages, m => m.Contains(reason, StringComparison.Ordinal)
                && (line == 0 || m.StartsWith($"Ligne {line}, colonne {column}", StringComparison.Ordinal)));
        }

        return rows;
    }

    /// <summary>What an import could change: accounts, activation codes, audit events.</summary>
    public static Task<StoredCounts> CountStoredAsync(this Ent77Factory factory) =>
        factory.WithDbAsync(async db => new StoredCounts(
            await db.Accounts.CountAsync(),
            await db.Set<ActivationCode>().CountAsync(),
            await db.AuditEvents.CountAsync(),
            await db.Establishments.CountAsync()));

    /// <summary>Every account of a school, with its codes, by id.</summary>
    public static Task<Dictionary<Guid, Account>> LoadAccountsAsync(this Ent77Factory factory, string uai) =>
        factory.WithDbAsync(async db =>
        {
            var parsed = Uai.Parse(uai).Uai!;
            var establishment = await db.Establishments.AsNoTracking().SingleAsync(e => e.Uai == parsed);
            return await db.Accounts.AsNoTracking().Include(a => a.ActivationCodes)
                .Where(a => a.EstablishmentId == establishment.Id)
                .ToDictionaryAsync(a => a.Id.Value);
        });

    /// <summary>Whether <paramref name="code"/> (as printed) is the live code of <paramref name="account"/>, by its keyed hash.</summary>
    public static bool IsLiveCodeOf(this Ent77Factory factory, Account account, string? code, IActivationCodeHasher hasher)
    {
        if (!ActivationCodeValue.TryParse(code, out var parsed))
        {
            return false;
        }

        return account.LiveCode(factory.Time.GetUtcNow())?.Matches(hasher.Hash(parsed)) == true;
    }

    /// <summary>A roster line with the full header's six columns.</summary>
    public static string Row(string lastName, string firstName, string profile, string? className = null, string? birthDate = null, string? externalId = null) =>
        string.Join(';', lastName, firstName, profile, className ?? string.Empty, birthDate ?? string.Empty, externalId ?? string.Empty);

    public static string Roster(params string[] rows) => RosterHeader + "\r\n" + string.Join("\r\n", rows) + "\r\n";

    /// <summary>A small RFC 4180 reader (quotes, doubled quotes, <c>;</c>), for the CSVs the service writes.</summary>
    public static List<string[]> ParseCsv(string text, char separator = ';')
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add([.. fields]);
        }

        return records;
    }
}

/// <summary>A signed-in person: the client holding the session, the account id and identifier.</summary>
public sealed record Member(HttpClient Client, Guid Id, string Identifier, Ent77Factory Factory)
{
    /// <summary>Imports as this person, asserts a JSON 200, and watches the codes it hands out.</summary>
    public async Task<ImportAnswer> ImportOkAsync(string uai, string csv, string? query = null) =>
        (await Client.ImportOkAsync(uai, csv, query)).Watch(Factory);

    public async Task<ImportAnswer> ImportOkAsync(string uai, byte[] csv, string? query = null) =>
        (await Client.ImportOkAsync(uai, csv, query)).Watch(Factory);

    /// <summary>Re-issues as this person, asserts a JSON 200, and watches the new codes.</summary>
    public async Task<ImportAnswer> ReissueOkAsync(string uai, object body) =>
        (await AdminHelpers.ReadOkAsync<ImportAnswer>(await Client.ReissueAsync(uai, body))).Watch(Factory);
}

public sealed record StoredCounts(int Accounts, int ActivationCodes, int AuditEvents, int Establishments);

public sealed record ImportAnswer(
    int Created, int Updated, bool DryRun, IReadOnlyList<IssuedCode> Accounts, int Left = 0, int Unchanged = 0, IReadOnlyList<ImportWarningAnswer>? Warnings = null);

public sealed record ImportWarningAnswer(int? Line, string? ExternalId, string Identifier, string Message);

public sealed record IssuedCode(
    Guid Id, string Identifier, string FirstName, string LastName, Profile Profile, string? ClassName, string? ActivationCode, DateTimeOffset? ExpiresAt,
    string? Operation = null, IReadOnlyList<IssuedChild>? Children = null);

/// <summary>A parent's child as an import's row names it.</summary>
public sealed record IssuedChild(Guid Id, string Identifier, string FirstName, string LastName, string? ClassName);

public sealed record AccountPage(IReadOnlyList<AccountSummary> Items, int Total, int Page, int PageSize);

public sealed record AccountSummary(
    Guid Id, string Identifier, string FirstName, string LastName, Profile Profile, string? ClassName, AccountStatus Status,
    DateTimeOffset? ActivatedAt, DateTimeOffset? CodeExpiresAt, bool HasLiveCode);

public sealed record ActivationRate(string Group, int Total, int Active, int Pending, int Blocked, int ExpiredCodes, double Rate);

public sealed record ActivationStats(ActivationRate Overall, IReadOnlyList<ActivationRate> ByProfile, IReadOnlyList<ActivationRate> ByClass);

public sealed record AuditEntry(
    DateTimeOffset OccurredAt, string Type, Guid? AccountId, string? AccountIdentifier, Guid? ActorAccountId, string? ActorIdentifier, string? Details);
