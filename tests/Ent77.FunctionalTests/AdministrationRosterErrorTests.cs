using System.Text;
using Ent77.FunctionalTests.Infrastructure;

namespace Ent77.FunctionalTests;

/// <summary>
/// A bad roster (docs/DOMAIN.md "Roster import"): the whole file is checked, the answer is a 400 listing every bad
/// row (line, column, reason), and nothing is written, not even the good rows of the same file.
/// </summary>
public sealed class AdministrationRosterErrorTests : FunctionalTest
{
    private static IEnumerable<(string Kind, byte[] Csv, (int Line, string Column)[] Expected)> BadRosters() =>
    [
        (
            "missing column",
            Utf8("Nom;Prénom;Classe\r\nDupont;Jean;6e A\r\n"),
            [(1, "Profil")]
        ),
        (
            "unknown profile",
            Utf8(AdminHelpers.Roster(
                AdminHelpers.Row("Dupont", "Jean", "Élève"),
                AdminHelpers.Row("Martin", "Paul", "Directeur"),
                AdminHelpers.Row("Durand", "Luc", "Enseignant"),
                AdminHelpers.Row("Petit", "Anne", "Stagiaire"))),
            [(3, "Profil"), (5, "Profil")]
        ),
        (
            "empty name",
            Utf8(AdminHelpers.Roster(
                AdminHelpers.Row("Dupont", "Jean", "Élève"),
                AdminHelpers.Row(string.Empty, "Paul", "Élève"),
                AdminHelpers.Row("Durand", "   ", "Parent"))),
            [(3, "Nom"), (4, "Prénom")]
        ),
        (
            "name that yields no identifier",
            Utf8(AdminHelpers.Roster(
                AdminHelpers.Row("Dupont", "Jean", "Élève"),
                AdminHelpers.Row("***", "Paul", "Élève"),
                AdminHelpers.Row("Durand", "李", "Parent"))),
            [(3, "Nom"), (4, "Prénom")]
        ),
        (
            "bad date",
            Utf8(AdminHelpers.Roster(
                AdminHelpers.Row("Dupont", "Jean", "Élève", "6e A", "12/03/2013"),
                AdminHelpers.Row("Martin", "Paul", "Élève", "6e A", "31/02/2013"),
                AdminHelpers.Row("Durand", "Luc", "Élève", "6e A", "hier"))),
            [(3, "Date de naissance"), (4, "Date de naissance")]
        ),
        (
            "duplicate external id",
            Utf8(AdminHelpers.Roster(
                AdminHelpers.Row("Dupont", "Jean", "Élève", externalId: "E-001"),
                AdminHelpers.Row("Martin", "Paul", "Élève", externalId: "E-002"),
                AdminHelpers.Row("Durand", "Luc", "Élève", externalId: "e-001"))),
            [(4, "Identifiant externe")]
        ),
        (
            "several kinds at once",
            Utf8(AdminHelpers.Roster(
                AdminHelpers.Row("Dupont", "Jean", "Élève"),
                AdminHelpers.Row(string.Empty, "Paul", "Élève"),
                AdminHelpers.Row("Durand", "Luc", "Élève"),
                AdminHelpers.Row("Petit", "Anne", "Élève", "6e A", "32/01/2012"),
                AdminHelpers.Row("Roux", "Léa", "Chef"))),
            [(3, "Nom"), (5, "Date de naissance"), (6, "Profil")]
        ),
        (
            "wrong encoding (UTF-16)",
            [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(AdminHelpers.Roster(AdminHelpers.Row("Dupont", "Jean", "Élève")))],
            [(0, "fichier")]
        ),
        (
            "wrong encoding (binary)",
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x81, 0x8D],
            [(0, "fichier")]
        ),
        (
            "empty file",
            [],
            [(0, "fichier")]
        ),
        (
            "blank file",
            Utf8("\r\n  \r\n\r\n"),
            [(0, "fichier")]
        ),
        (
            "header only",
            Utf8("\uFEFF" + AdminHelpers.RosterHeader + "\r\n"),
            [(0, "fichier")]
        ),
    ];

    /// <summary>Every kind of bad file in turn on one service (a fresh service per kind costs more than it proves).</summary>
    [Fact]
    public async Task BadRoster_Is400WithEveryBadLine_AndNothingIsWritten()
    {
        var admin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        await admin.ImportOkAsync(Ent77Factory.Uai, AdminHelpers.Roster(AdminHelpers.Row("Lefèvre", "Inès", "Élève", "6e A", externalId: "E-000")));
        var before = await Factory.CountStoredAsync();

        foreach (var (kind, csv, expected) in BadRosters())
        {
            var rows = await AdminHelpers.AssertRosterRefusedAsync(await admin.Client.ImportAsync(Ent77Factory.Uai, csv));

            Assert.True(
                expected.SequenceEqual(rows.Select(r => (r.Line, r.Column))),
                $"{kind}: expected {string.Join(" ", expected)}, got {string.Join(" | ", rows)}");
            Assert.True(before == await Factory.CountStoredAsync(), $"{kind}: something was written.");

            // A dry run of the same file says the same.
            var dryRun = await AdminHelpers.AssertRosterRefusedAsync(await admin.Client.ImportAsync(Ent77Factory.Uai, csv, "dryRun=true"));
            Assert.True(rows.SequenceEqual(dryRun), $"{kind}: the dry run differs.");
        }

        Assert.Equal(before, await Factory.CountStoredAsync());
    }

    [Fact]
    public async Task BadRoster_AsMultipart_IsRefusedTheSameWay()
    {
        var admin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        var before = await Factory.CountStoredAsync();
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Utf8(AdminHelpers.Roster(AdminHelpers.Row("Dupont", "Jean", "Élève"), AdminHelpers.Row("Martin", "Paul", "Directeur"))));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "eleves.csv");

        var rows = await AdminHelpers.AssertRosterRefusedAsync(await admin.Client.PostAsync(AdminHelpers.ImportPath(Ent77Factory.Uai), form));

        Assert.Equal((3, "Profil"), Assert.Single(rows.Select(r => (r.Line, r.Column))));
        Assert.Equal(before, await Factory.CountStoredAsync());
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}

/// <summary>The size limit of a roster (<c>Roster:MaxBytes</c>), made small here.</summary>
public sealed class AdministrationRosterSizeTests : FunctionalTest
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Roster:MaxBytes"] = "1024" };

    [Fact]
    public async Task OversizedRoster_Is400WithAFileError_AndNothingIsWritten()
    {
        var admin = await Factory.SignInAdministratorAsync(Ent77Factory.Uai, "Claire", "Martin");
        var small = AdminHelpers.Roster(AdminHelpers.Row("Lefèvre", "Inès", "Élève"));
        await admin.ImportOkAsync(Ent77Factory.Uai, small);
        var before = await Factory.CountStoredAsync();

        var big = AdminHelpers.Roster(Enumerable.Range(0, 60).Select(i => AdminHelpers.Row($"Nom{i:00}", "Jean", "Élève", "6e A")).ToArray());
        Assert.True(Encoding.UTF8.GetByteCount(big) > 1024);
        var rows = await AdminHelpers.AssertRosterRefusedAsync(await admin.Client.ImportAsync(Ent77Factory.Uai, big));

        var row = Assert.Single(rows);
        Assert.Equal((0, "fichier"), (row.Line, row.Column));
        Assert.Contains("1 Kio", row.Reason, StringComparison.Ordinal);
        Assert.Equal(before, await Factory.CountStoredAsync());

        // As multipart too.
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(big)), "file", "eleves.csv" } };
        Assert.Single(await AdminHelpers.AssertRosterRefusedAsync(await admin.Client.PostAsync(AdminHelpers.ImportPath(Ent77Factory.Uai), form)));
        Assert.Equal(before, await Factory.CountStoredAsync());
    }
}
