using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsvHelper;
using Ent77.Application.Administration;
using Ent77.Domain.Accounts;
using Ent77.Infrastructure.Administration;

namespace Ent77.Infrastructure.Tests.Administration;

public sealed class CodeCsvWriterTests
{
    private const string ExpectedHeader = "Identifiant;Code d'activation;Nom;Prénom;Classe;Profil;Expire le";

    // 31 March 2025, 00:30 in Paris (summer time, UTC+2) — still the 30th in UTC.
    private static readonly DateTimeOffset Expiry = new(2025, 3, 30, 22, 30, 0, TimeSpan.Zero);

    private static IssuedCodeDto Account(
        string identifier = "jean.dupont",
        string firstName = "Jean",
        string lastName = "Dupont",
        Profile profile = Profile.Student,
        string? className = "3e B",
        string? code = "ABCD-EFGH-JKMN",
        DateTimeOffset? expiresAt = null) =>
        new(Guid.NewGuid(), identifier, firstName, lastName, profile, className, code, expiresAt ?? Expiry);

    private static async Task<byte[]> WriteAsync(params IssuedCodeDto[] accounts)
    {
        using var output = new MemoryStream();
        await new CodeCsvWriter().WriteAsync(new CodeBatch("0771234Y", "Collège Les Étangs", accounts), output, TestContext.Current.CancellationToken);
        return output.ToArray();
    }

    private static List<string[]> ReadBack(byte[] bytes)
    {
        // The separator is left to CsvHelper's detection: it must find ';'.
        using var csv = CsvReader.Create(bytes, CsvReaderOptions.Default with { HasHeader = false });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            Assert.Equal(';', csv.Separator);
            var row = new string[csv.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = csv.GetString(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    [Fact]
    public async Task Csv_HasNoRowForALeaver_AndNoOperationColumn()
    {
        var rows = ReadBack(await WriteAsync(
            Account("lou.noel") with { Operation = ImportOperations.Created },
            Account("zoe.martin", code: null) with { Operation = ImportOperations.Updated },
            Account("ines.blanc", code: null) with { Operation = ImportOperations.Unchanged },
            Account("hugo.martin", code: null) with { Operation = ImportOperations.Left }));

        Assert.Equal(ExpectedHeader, string.Join(';', rows[0]));
        Assert.Equal(["lou.noel", "zoe.martin", "ines.blanc"], rows.Skip(1).Select(r => r[0]));
    }

    [Fact]
    public async Task Csv_RoundTrips_WithBom_SemicolonsAndTheExactHeader()
    {
        IssuedCodeDto[] accounts =
        [
            Account(),
            Account("helene.noelle", "Hélène", "Nœlle", Profile.Parent, className: null, code: "0123-4567-89AB", expiresAt: new DateTimeOffset(2025, 12, 31, 12, 0, 0, TimeSpan.Zero)),
            Account("marc.martin", "Marc", "Martin", Profile.Teacher, className: null, code: null),
            Account("anne.leroy", "Anne", "Leroy; dite \"Nanou\"", Profile.Staff, className: null),
        ];

        var bytes = await WriteAsync(accounts);

        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = new UTF8Encoding(false, true).GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith(ExpectedHeader + "\r\n", text, StringComparison.Ordinal);
        Assert.StartsWith("jean.dupont;ABCD-EFGH-JKMN;Dupont;Jean;3e B;Élève;31/03/2025\r\n", text[(ExpectedHeader.Length + 2)..], StringComparison.Ordinal);

        var rows = ReadBack(bytes);
        Assert.Equal(ExpectedHeader.Split(';'), rows[0]);
        Assert.Equal(accounts.Length + 1, rows.Count);
        Assert.Equal(["jean.dupont", "ABCD-EFGH-JKMN", "Dupont", "Jean", "3e B", "Élève", "31/03/2025"], rows[1]);
        Assert.Equal(["helene.noelle", "0123-4567-89AB", "Nœlle", "Hélène", "", "Responsable légal", "31/12/2025"], rows[2]);
        Assert.Equal(["marc.martin", "", "Martin", "Marc", "", "Enseignant", "31/03/2025"], rows[3]);
        Assert.Equal(["anne.leroy", "ABCD-EFGH-JKMN", "Leroy; dite \"Nanou\"", "Anne", "", "Personnel", "31/03/2025"], rows[4]);
    }

    [Fact]
    public async Task Csv_EmptyBatch_IsJustTheHeader()
    {
        var bytes = await WriteAsync();

        Assert.Equal(Encoding.UTF8.GetBytes("\uFEFF" + ExpectedHeader + "\r\n"), bytes);
    }

    [Theory]
    [InlineData("=cmd|' /C calc'!A0")]
    [InlineData("+1")]
    [InlineData("-2")]
    [InlineData("@SUM(1)")]
    [InlineData("\tTab")]
    [InlineData("\rReturn")]
    public async Task Csv_NeutralisesFormulaCells(string name)
    {
        var bytes = await WriteAsync(Account(firstName: name, lastName: name, className: name));

        var row = ReadBack(bytes)[1];
        Assert.Equal("'" + name, row[2]);
        Assert.Equal("'" + name, row[3]);
        Assert.Equal("'" + name, row[4]);
    }

    [Theory]
    [InlineData("Dupont")]
    [InlineData("N'Diaye")]
    [InlineData("Jean-Pierre")]
    [InlineData("Le Gall = Martin")]
    [InlineData("'quoted")]
    public async Task Csv_LeavesPlainNamesUntouched(string name)
    {
        var bytes = await WriteAsync(Account(lastName: name));

        Assert.Equal(name, ReadBack(bytes)[1][2]);
    }

    [Theory]
    [InlineData(Profile.Student, "Élève")]
    [InlineData(Profile.Parent, "Responsable légal")]
    [InlineData(Profile.Teacher, "Enseignant")]
    [InlineData(Profile.Staff, "Personnel")]
    public async Task Csv_ProfilesAreInFrench(Profile profile, string expected)
    {
        var bytes = await WriteAsync(Account(profile: profile));

        Assert.Equal(expected, ReadBack(bytes)[1][5]);
    }

    [Theory]
    [InlineData("2025-03-30T22:30:00Z", "31/03/2025")] // summer time: 00:30 the next day in Paris
    [InlineData("2025-01-15T23:30:00Z", "16/01/2025")] // winter time: 00:30 the next day in Paris
    [InlineData("2025-07-01T21:59:00Z", "01/07/2025")] // 23:59 in Paris
    [InlineData("2025-09-01T08:00:00+02:00", "01/09/2025")]
    public async Task Csv_ExpiryIsTheDayInParis(string instant, string expected)
    {
        var bytes = await WriteAsync(Account(expiresAt: DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture)));

        Assert.Equal(expected, ReadBack(bytes)[1][6]);
    }

    [Fact]
    public async Task Csv_WritesOnlyAsynchronously_LikeAResponseBody()
    {
        var accounts = Enumerable.Range(0, 5_000).Select(i => Account(identifier: $"eleve.{i}")).ToArray();
        using var output = new AsyncOnlyStream();

        await new CodeCsvWriter().WriteAsync(new CodeBatch("0771234Y", "Collège", accounts), output, TestContext.Current.CancellationToken);

        var rows = ReadBack(output.ToArray());
        Assert.Equal(5_001, rows.Count);
        Assert.Equal("eleve.4999", rows[^1][0]);
    }

    [Fact]
    public async Task Csv_HundredThousandRows_AreQuick()
    {
        var accounts = Enumerable.Range(0, 100_000)
            .Select(i => new IssuedCodeDto(Guid.NewGuid(), $"eleve.{i}", "Prénom", "Nom", Profile.Student, "6e A", "ABCD-EFGH-JKMN", Expiry))
            .ToArray();
        using var output = new MemoryStream();

        var watch = Stopwatch.StartNew();
        await new CodeCsvWriter().WriteAsync(new CodeBatch("0771234Y", "Collège", accounts), output, TestContext.Current.CancellationToken);
        watch.Stop();

        var text = Encoding.UTF8.GetString(output.ToArray());
        Assert.Equal(100_001, text.Count(c => c == '\n'));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"100,000 rows took {watch.Elapsed}.");
    }

    [Fact]
    public async Task Csv_StopsWhenCancelled()
    {
        var accounts = Enumerable.Range(0, 10_000).Select(i => Account(identifier: $"eleve.{i}")).ToArray();
        using var output = new MemoryStream();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new CodeCsvWriter().WriteAsync(new CodeBatch("0771234Y", "Collège", accounts), output, new CancellationToken(canceled: true)));
    }
}

public sealed class CsvSafetyTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+33612345678", "'+33612345678")]
    [InlineData("-5", "'-5")]
    [InlineData("@foo", "'@foo")]
    [InlineData("\t=1", "'\t=1")]
    [InlineData("\r=1", "'\r=1")]
    [InlineData("jean.dupont", "jean.dupont")]
    [InlineData("Élève", "Élève")]
    [InlineData("a=b", "a=b")]
    [InlineData(" =1", " =1")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Neutralise_PrefixesOnlyFormulaCells(string? cell, string expected) =>
        Assert.Equal(expected, CsvSafety.Neutralise(cell));
}
