using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Ent77.Application.Common.Ports;
using Ent77.Domain.Accounts;
using Ent77.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace Ent77.FunctionalTests;

/// <summary>Roster imports (docs/DOMAIN.md "Roster import", docs/API.md "Administration"): encodings, identifiers, updates, dry runs, output formats.</summary>
public sealed class AdministrationImportTests : FunctionalTest
{
    private static readonly string OtherUai = AdminHelpers.UaiFor("0770002");
    private static readonly string ThirdUai = AdminHelpers.UaiFor("0770003");

    private static readonly (string Last, string First, string Profile, string Class)[] AccentedPeople =
    [
        ("Dupont", "Hélène", "Élève", "6e A"),
        ("Nœl", "François", "Responsable légal", ""),
        ("Müller", "Zoë", "Enseignant", ""),
        ("N'Diaye", "Aïssata", "Élève", "5e B"),
        ("Le Bihan", "Jean-Baptiste", "Personnel", ""),
    ];

    private static readonly string[] AccentedIdentifiers =
        ["helene.dupont", "francois.noel", "zoe.muller", "aissata.ndiaye", "jean-baptiste.le-bihan"];

    [Fact]
    public async Task Windows1252Semicolons_Utf8BomCommas_Utf8Tabs_AllImportTheSameNames()
    {
        var admin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin", platformAdmin: true);
        await Factory.EnsureEstablishmentAsync(OtherUai, "Collège B");
        await Factory.EnsureEstablishmentAsync(ThirdUai, "Collège C");

        string File(string separator) =>
            string.Join(separator, "Nom", "Prénom", "Profil", "Classe") + "\r\n"
            + string.Concat(AccentedPeople.Select(p => string.Join(separator, p.Last, p.First, p.Profile, p.Class) + "\r\n"));

        var windows1252 = AdminHelpers.Windows1252.GetBytes(File(";"));
        Assert.False(System.Text.Unicode.Utf8.IsValid(windows1252)); // really not UTF-8
        Assert.Equal(File(";"), AdminHelpers.Windows1252.GetString(windows1252)); // every name fits in Windows-1252
        byte[] utf8BomCommas = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(File(","))];
        var utf8Tabs = Encoding.UTF8.GetBytes(File("\t"));

        var imports = new List<ImportAnswer>
        {
            await admin.ImportOkAsync(Ent77Factory.Uai, windows1252),
            await admin.ImportOkAsync(OtherUai, utf8BomCommas),
            await admin.ImportOkAsync(ThirdUai, utf8Tabs),
        };

        var expected = AccentedPeople.Select(p => (p.First, p.Last, p.Class.Length == 0 ? null : p.Class)).ToList();
        foreach (var import in imports)
        {
            Assert.Equal(5, import.Created);
            Assert.Equal(expected, import.Accounts.Select(a => (a.FirstName, a.LastName, a.ClassName)).ToList());
            Assert.Equal([Profile.Student, Profile.Parent, Profile.Teacher, Profile.Student, Profile.Staff], import.Accounts.Select(a => a.Profile));
        }

        // Identifiers are platform-wide: the second and third schools get the next numbers.
        Assert.Equal(AccentedIdentifiers, imports[0].Accounts.Select(a => a.Identifier));
        Assert.Equal(AccentedIdentifiers.Select(i => i + "2"), imports[1].Accounts.Select(a => a.Identifier));
        Assert.Equal(AccentedIdentifiers.Select(i => i + "3"), imports[2].Accounts.Select(a => a.Identifier));

        // Stored as read, accents included.
        var stored = await Factory.LoadAccountsAsync(Ent77Factory.Uai);
        Assert.Contains(stored.Values, a => a.FirstName == "Hélène" && a.LastName == "Dupont");
        Assert.Contains(stored.Values, a => a.FirstName == "François" && a.LastName == "Nœl" && a.Profile == Profile.Parent);
    }

    [Fact]
    public async Task SameNameInTheFileAndInAnotherSchool_GetTheNextFreeNumbers()
    {
        var platformAdmin = await Factory.SignInAdministratorAsync(OtherUai, "Yves", "Carpentier", platformAdmin: true);
        var other = await platformAdmin.ImportOkAsync(OtherUai, AdminHelpers.Roster(AdminHelpers.Row("Dupont", "Jean", "Élève", "3e C")));
        Assert.Equal("jean.dupont", Assert.Single(other.Accounts).Identifier);
        var admin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");

        var import = await admin.ImportOkAsync(Ent77Factory.Uai, AdminHelpers.Roster(
            AdminHelpers.Row("Dupont", "Jean", "Élève", "6e A"),
            AdminHelpers.Row("Martin", "Paul", "Élève", "6e A"),
            AdminHelpers.Row("DUPONT", " Jean ", "Parent"),
            AdminHelpers.Row("Dupont", "Jéan", "Enseignant")));

        Assert.Equal(["jean.dupont2", "paul.martin", "jean.dupont3", "jean.dupont4"], import.Accounts.Select(a => a.Identifier));
        var stored = await Factory.LoadAccountsAsync(Ent77Factory.Uai);
        Assert.Equal(
            ["claire.martin", "jean.dupont2", "jean.dupont3", "jean.dupont4", "paul.martin"],
            stored.Values.Select(a => a.Identifier.Value).Order(StringComparer.Ordinal));

        // The next import goes on counting.
        var next = await admin.ImportOkAsync(Ent77Factory.Uai, AdminHelpers.Roster(AdminHelpers.Row("Dupont", "Jean", "Élève", "6e B")));
        Assert.Equal("jean.dupont5", Assert.Single(next.Accounts).Identifier);
    }

    [Fact]
    public async Task NamesEndingWithDigits_DoNotBreakTheNumbering()
    {
        var admin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        var first = await admin.ImportOkAsync(Ent77Factory.Uai, AdminHelpers.Roster(
            AdminHelpers.Row("Dupont", "Jean", "Élève"),
            AdminHelpers.Row("Dupont", "Jean", "Élève"),
            AdminHelpers.Row("Dupont2", "Jean", "Élève")));
        var identifiers = first.Accounts.Select(a => a.Identifier).ToList();
        Assert.Equal(["jean.dupont", "jean.dupont2"], identifiers.Take(2));
        Assert.Equal(3, identifiers.Distinct().Count());

        // In later files, a « Dupont2 » alone, or a « Dupont » alone, must not be given an identifier already taken.
        var second = await admin.ImportOkAsync(Ent77Factory.Uai, AdminHelpers.Roster(AdminHelpers.Row("Dupont2", "Jean", "Parent")));
        var third = await admin.ImportOkAsync(Ent77Factory.Uai, AdminHelpers.Roster(AdminHelpers.Row("Dupont", "Jean", "Parent")));
        var all = identifiers.Concat(second.Accounts.Select(a => a.Identifier)).Concat(third.Accounts.Select(a => a.Identifier)).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(all.Order(StringComparer.Ordinal), (await Factory.LoadAccountsAsync(Ent77Factory.Uai)).Values.Select(a => a.Identifier.Value).Where(i => i != "claire.martin").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReimportWithExternalIds_UpdatesTheSamePeople_WithoutNewCodes()
    {
        var admin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        var first = await admin.ImportOkAsync(Ent77Factory.Uai, AdminHelpers.Roster(
            AdminHelpers.Row("Dupont", "Hélène", "Élève", "6e A", "12/03/2013", "INE-001"),
            AdminHelpers.Row("Martin", "Paul", "Élève", "6e A", "2013-05-02", "INE-002"),
            AdminHelpers.Row("Durand", "Luc", "Enseignant", externalId: "P-17")));
        Assert.Equal((3, 0), (first.Created, first.Updated));
        var before = await Factory.CountStoredAsync();

        // The next school year: new class, a corrected name, an id typed in another case, rows in another order.
        var second = await admin.ImportOkAsync(Ent77Factory.Uai, AdminHelpers.Roster(
            AdminHelpers.Row("Durand", "Luc", "Enseignant", externalId: "P-17"),
            AdminHelpers.Row("Martin-Leroy", "Paul", "Élève", "5e B", "02/05/2013", "ine-002"),
            AdminHelpers.Row("Dupont", "Hélène", "Élève", "5e A", "12/03/2013", "INE-001")));

        Assert.Equal((0, 3), (second.Created, second.Updated));
        Assert.All(second.Accounts, a => Assert.Null(a.ActivationCode));
        var byId = first.Accounts.ToDictionary(a => a.Id);
        foreach (var updated in second.Accounts)
        {
            Assert.Equal(byId[updated.Id].Identifier, updated.Identifier);
        }

        var after = await Factory.CountStoredAsync();
        Assert.Equal((before.Accounts, before.ActivationCodes), (after.Accounts, after.ActivationCodes));

        var paul = await Factory.LoadAccountAsync(first.Accounts[1].Id);
        Assert.Equal(("Martin-Leroy", "5e B", "paul.martin"), (paul.LastName, paul.ClassName, paul.Identifier.Value));
        var helene = await Factory.LoadAccountAsync(first.Accounts[0].Id);
        Assert.Equal("5e A", helene.ClassName);

        // The first code still works: nothing was re-issued.
        Assert.Equal((HttpStatusCode.OK, "activationRequired"), await Factory.TrySignInAsync("paul.martin", first.Accounts[1].ActivationCode!));
    }

    [Fact]
    public async Task ReimportWithoutExternalIds_CreatesNewAccounts()
    {
        var admin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        var roster = AdminHelpers.Roster(AdminHelpers.Row("Dupont", "Hélène", "Élève", "6e A"), AdminHelpers.Row("Martin", "Paul", "Élève", "6e A"));
        var first = await admin.ImportOkAsync(Ent77Factory.Uai, roster);

        var second = await admin.ImportOkAsync(Ent77Factory.Uai, roster);

        Assert.Equal((2, 0), (second.Created, second.Updated));
        Assert.Equal(["helene.dupont2", "paul.martin2"], second.Accounts.Select(a => a.Identifier));
        Assert.Empty(first.Accounts.Select(a => a.Id).Intersect(second.Accounts.Select(a => a.Id)));
        Assert.All(second.Accounts, a => Assert.NotNull(a.ActivationCode));
        Assert.Equal(5, (await Factory.LoadAccountsAsync(Ent77Factory.Uai)).Count);
    }

    [Fact]
    public async Task DryRun_ShowsTheIdentifiers_AndWritesNothing()
    {
        var admin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        await admin.ImportOkAsync(Ent77Factory.Uai, AdminHelpers.Roster(AdminHelpers.Row("Martin", "Paul", "Élève", "6e A", externalId: "INE-002")));
        var before = await Factory.CountStoredAsync();
        var roster = AdminHelpers.Roster(
            AdminHelpers.Row("Dupont", "Hélène", "Élève", "6e A", externalId: "INE-001"),
            AdminHelpers.Row("Martin", "Paul", "Élève", "5e A", externalId: "INE-002"),
            AdminHelpers.Row("Martin", "Paul", "Parent"));

        var dryRun = await admin.ImportOkAsync(Ent77Factory.Uai, roster, "dryRun=true");

        Assert.True(dryRun.DryRun);
        Assert.Equal((2, 1), (dryRun.Created, dryRun.Updated));
        Assert.Equal(["helene.dupont", "paul.martin", "paul.martin2"], dryRun.Accounts.Select(a => a.Identifier));
        Assert.All(dryRun.Accounts, a => Assert.Null(a.ActivationCode));
        Assert.Equal(before, await Factory.CountStoredAsync());
        Assert.Equal("6e A", (await Factory.LoadAccountsAsync(Ent77Factory.Uai)).Values.Single(a => a.ExternalId == "INE-002").ClassName);

        // The real import then does what the dry run announced.
        var real = await admin.ImportOkAsync(Ent77Factory.Uai, roster, "dryRun=false");
        Assert.False(real.DryRun);
        Assert.Equal((2, 1), (real.Created, real.Updated));
        Assert.Equal(dryRun.Accounts.Select(a => a.Identifier), real.Accounts.Select(a => a.Identifier));
    }

    [Fact]
    public async Task PdfFormat_OnePagePerAccount_WithItsIdentifierAndAWorkingCode()
    {
        var admin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        using var response = await admin.Client.ImportAsync(Ent77Factory.Uai, AdminHelpers.Roster(
            AdminHelpers.Row("Dupont", "Hélène", "Élève", "6e A"),
            AdminHelpers.Row("Martin", "Paul", "Élève", "6e B"),
            AdminHelpers.Row("Nœl", "François", "Parent"),
            AdminHelpers.Row("Durand", "Luc", "Enseignant")), "format=pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".pdf", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var stored = await Factory.LoadAccountsAsync(Ent77Factory.Uai);
        var hasher = Factory.Services.GetRequiredService<IActivationCodeHasher>();
        string[] identifiers = ["helene.dupont", "paul.martin", "francois.noel", "luc.durand"];

        using var pdf = PdfDocument.Open(bytes);
        Assert.Equal(identifiers.Length, pdf.NumberOfPages);
        var codes = new List<string>();
        foreach (var page in pdf.GetPages())
        {
            var text = page.Text;
            var identifier = identifiers[page.Number - 1];
            Assert.Contains(identifier, text, StringComparison.Ordinal);
            Assert.All(identifiers.Where(i => i != identifier), other => Assert.DoesNotContain(other, text, StringComparison.Ordinal));
            var code = Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, "[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")).Value;
            Assert.True(Factory.IsLiveCodeOf(stored.Values.Single(a => a.Identifier.Value == identifier), code, hasher), $"page {page.Number}: {code}");
            codes.Add(code);
        }

        Assert.Equal(identifiers.Length, codes.Distinct().Count());
        Assert.Equal((HttpStatusCode.OK, "activationRequired"), await Factory.TrySignInAsync("francois.noel", codes[2]));
    }

    [Fact]
    public async Task CsvFormat_HasTheContractHeader_RoundTripsThePeople_AndNeutralisesFormulas()
    {
        var admin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        const string formula = "=cmd|' /C calc'!A0";
        var people = new[]
        {
            (Last: "Dupont", First: "Hélène", Profile: "Élève", Class: "6e A"),
            (Last: formula, First: "Paul", Profile: "Élève", Class: "6e A"),
            (Last: "Nœl", First: "@François", Profile: "Parent", Class: ""),
            (Last: "Durand", First: "Luc", Profile: "Enseignant", Class: "-3e"),
        };
        using var response = await admin.Client.ImportAsync(
            Ent77Factory.Uai, AdminHelpers.Roster(people.Select(p => AdminHelpers.Row(p.Last, p.First, p.Profile, p.Class)).ToArray()), "format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()), "UTF-8 with BOM, for spreadsheets");
        var records = AdminHelpers.ParseCsv(Encoding.UTF8.GetString(bytes.AsSpan(3)));

        Assert.Equal(["Identifiant", "Code d'activation", "Nom", "Prénom", "Classe", "Profil", "Expire le"], records[0]);
        var rows = records.Skip(1).ToList();
        Assert.Equal(people.Length, rows.Count);
        var stored = (await Factory.LoadAccountsAsync(Ent77Factory.Uai)).Values.ToDictionary(a => a.Identifier.Value);
        var hasher = Factory.Services.GetRequiredService<IActivationCodeHasher>();
        var expiry = Factory.Time.GetUtcNow().AddDays(90);
        foreach (var (row, person) in rows.Zip(people))
        {
            Assert.Equal(7, row.Length);
            var account = stored[row[0]];
            Assert.True(Factory.IsLiveCodeOf(account, row[1], hasher), $"{row[0]}: {row[1]}");
            Assert.Equal((person.Last, person.First), (account.LastName, account.FirstName));
            Assert.Equal(Neutralised(person.Last), row[2]);
            Assert.Equal(Neutralised(person.First), row[3]);
            Assert.Equal(Neutralised(person.Class), row[4]);
            Assert.Equal(person.Profile == "Parent" ? "Responsable légal" : person.Profile, row[5]);
            Assert.Equal(TimeZoneInfo.ConvertTime(expiry, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), row[6]);
        }

        Assert.Equal("'" + formula, rows[1][2]);
        Assert.Equal("'@François", rows[2][3]);
        Assert.Equal("'-3e", rows[3][4]);
        Assert.DoesNotContain(rows.SelectMany(r => r), cell => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@');

        static string Neutralised(string cell) => cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' ? "'" + cell : cell;
    }

    [Fact]
    public async Task UnknownFormat_Is400_AndNothingIsWritten()
    {
        var admin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        var before = await Factory.CountStoredAsync();

        var problem = await Http.AssertProblemAsync(
            await admin.Client.ImportAsync(Ent77Factory.Uai, AdminHelpers.Roster(AdminHelpers.Row("Dupont", "Hélène", "Élève")), "format=xlsx"),
            HttpStatusCode.BadRequest);

        Assert.Contains("format", Http.Errors(problem).Keys);
        Assert.Equal(before, await Factory.CountStoredAsync());
        await Http.AssertProblemAsync(await admin.Client.ReissueAsync(Ent77Factory.Uai, new { onlyPending = true }, "format=docx"), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task MultipartUpload_WorksLikeACsvBody()
    {
        var admin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(AdminHelpers.Windows1252.GetBytes(
            AdminHelpers.Roster(AdminHelpers.Row("Dupont", "Hélène", "Élève", "6e A"), AdminHelpers.Row("Nœl", "François", "Parent"))));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.ms-excel");
        form.Add(new StringContent("ignoré"), "commentaire");
        form.Add(file, "file", "élèves 6e A.csv");

        var import = (await AdminHelpers.ReadOkAsync<ImportAnswer>(await admin.Client.PostAsync(AdminHelpers.ImportPath(Ent77Factory.Uai), form))).Watch(Factory);

        Assert.Equal(2, import.Created);
        Assert.Equal(["helene.dupont", "francois.noel"], import.Accounts.Select(a => a.Identifier));
        Assert.Equal(["Hélène", "François"], import.Accounts.Select(a => a.FirstName));
        Assert.Equal((HttpStatusCode.OK, "activationRequired"), await Factory.TrySignInAsync("helene.dupont", import.Accounts[0].ActivationCode!));

        // Multipart without the « file » field: a 400 that names it.
        using var empty = new MultipartFormDataContent { { new StringContent("x"), "autre" } };
        var problem = await Http.AssertProblemAsync(await admin.Client.PostAsync(AdminHelpers.ImportPath(Ent77Factory.Uai), empty), HttpStatusCode.BadRequest);
        Assert.Contains("file", Http.Errors(problem).Keys);
    }

    [Fact]
    public async Task JsonAnswer_HasTheContractShape()
    {
        var admin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        using var response = await admin.Client.ImportAsync(Ent77Factory.Uai, AdminHelpers.Roster(AdminHelpers.Row("Dupont", "Hélène", "Élève", "6e A", "12/03/2013", "INE-001")));
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(1, json.GetProperty("created").GetInt32());
        Assert.Equal(0, json.GetProperty("updated").GetInt32());
        var account = Assert.Single(json.GetProperty("accounts").EnumerateArray());
        Assert.Equal(
            ["activationCode", "children", "className", "expiresAt", "firstName", "id", "identifier", "lastName", "operation", "profile"],
            account.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Student", account.GetProperty("profile").GetString());
        Assert.Matches("^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$", account.GetProperty("activationCode").GetString());
        Assert.Equal(Factory.Time.GetUtcNow().AddDays(90), account.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal("created", account.GetProperty("operation").GetString()); // added by the preview (docs/IMPORTS.md)
        Assert.Equal(0, account.GetProperty("children").GetArrayLength());
    }
}
