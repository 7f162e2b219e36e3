using System.Globalization;
using static Ent77.Infrastructure.Tests.Administration.RosterReading;

namespace Ent77.Infrastructure.Tests.Administration;

/// <summary>Reading a roster: whole-file answers (empty file, header only, byte and row limits, unclosed quote), every error at once, blank lines.</summary>
public sealed class RosterReaderFileTests
{
    public static TheoryData<byte[]> EmptyFiles() => new(
        [],
        "\uFEFF"u8.ToArray(),
        "\r\n  \n\t\n"u8.ToArray(),
        ";;;\n;;\n"u8.ToArray());

    [Theory]
    [MemberData(nameof(EmptyFiles))]
    public async Task AnEmptyFile_IsOneError(byte[] bytes)
    {
        var error = SingleError(await ReadAsync(bytes));

        Assert.Equal((0, "fichier"), (error.LineNumber, error.Column));
        Assert.Contains("vide", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Nom;Prénom;Profil")]
    [InlineData("Nom;Prénom;Profil\r\n\r\n;;\r\n")]
    public async Task AHeaderWithoutRows_IsOneError(string csv)
    {
        var error = SingleError(await ReadAsync(csv));

        Assert.Equal((0, "fichier"), (error.LineNumber, error.Column));
        Assert.Contains("aucune ligne", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFileOverTheByteLimit_IsOneError_WhetherTheStreamSeeksOrNot()
    {
        var bytes = Utf8NoBom.GetBytes(AccentedRoster(";"));
        var reader = Reader(maxBytes: bytes.Length - 1);

        var seekable = SingleError(await ReadAsync(bytes, reader));
        var streamed = SingleError(await reader.ReadAsync(new TrickleStream(bytes, chunk: 5), TestContext.Current.CancellationToken));

        foreach (var error in new[] { seekable, streamed })
        {
            Assert.Equal((0, "fichier"), (error.LineNumber, error.Column));
            Assert.Contains("taille maximale", error.Reason, StringComparison.Ordinal);
        }

        // Exactly at the limit is fine.
        AssertValid(await Reader(maxBytes: bytes.Length).ReadAsync(new TrickleStream(bytes, chunk: 5), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AnOversizedStream_IsNotReadToItsEnd()
    {
        var endless = new TrickleStream(new byte[1024 * 1024], chunk: 4096);

        var error = SingleError(await Reader(maxBytes: 10_000).ReadAsync(endless, TestContext.Current.CancellationToken));

        Assert.Equal((0, "fichier"), (error.LineNumber, error.Column));
        Assert.True(endless.Served <= 16 * 1024, $"read {endless.Served} bytes");
    }

    [Fact]
    public async Task AFileOverTheRowLimit_IsOneErrorOnTheFirstRowTooMany()
    {
        const string csv = "Nom;Prénom;Profil\n"
            + "A;Jean;Élève\n"
            + "\n" // blank lines are not rows
            + "B;Jean;Élève\n"
            + "C;Jean;Élève\n"
            + "D;Jean;Élève\n" // line 6: the fourth row
            + "E;Jean;Élève\n";

        var error = SingleError(await ReadAsync(csv, Reader(maxRows: 3)));

        Assert.Equal((6, "fichier"), (error.LineNumber, error.Column));
        Assert.Contains("3 lignes", error.Reason, StringComparison.Ordinal);

        AssertValid(await ReadAsync(csv, Reader(maxRows: 5)));
    }

    [Fact]
    public async Task AnUnclosedQuote_IsAnError()
    {
        var result = await ReadAsync("Nom;Prénom;Profil\nDupont;Jean;Élève\n\"Durand;Paul;Élève\nMartin;Léa;Élève\n");

        Assert.Empty(result.Rows);
        Assert.Contains(result.Errors, e => e.LineNumber == 3 && e.Column == "fichier" && e.Reason.Contains("Guillemet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EveryProblemOfEveryRow_IsReportedAtOnce()
    {
        var soon = DateTime.UtcNow.AddDays(3).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var csv = FrenchHeader + "\r\n"
            + "Dupont;Jean;Élève;6e A;05/03/2012;E1\r\n" // 2: fine
            + ";;Directeur;;hier;\r\n" // 3: four problems
            + "\r\n" // 4: blank, skipped
            + "''';Léa;Parent;;31/02/2012;E1\r\n" // 5: three problems
            + "Martin;Paul;;" + new string('c', 51) + ";" + soon + ";E2\r\n" // 6: three problems
            + "Petit;Tom;Personnel;;;E2\r\n"; // 7: duplicate of line 6

        var result = await ReadAsync(Windows1252.GetBytes(csv));

        Assert.Empty(result.Rows);
        Assert.Equal(
            [
                (3, "Nom"), (3, "Prénom"), (3, "Profil"), (3, "Date de naissance"),
                (5, "Nom"), (5, "Date de naissance"), (5, "Identifiant externe"),
                (6, "Profil"), (6, "Classe"), (6, "Date de naissance"),
                (7, "Identifiant externe"),
            ],
            result.Errors.Select(e => (e.LineNumber, e.Column)));
        Assert.All(result.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Reason)));
        Assert.Contains("ligne 2", result.Errors.Single(e => e.LineNumber == 5 && e.Column == "Identifiant externe").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlankLinesAndEmptyRows_AreSkipped_AndLinesKeepTheirNumbers()
    {
        var result = await ReadAsync("\r\nNom;Prénom;Profil\r\n\r\n;;\r\nDupont;Jean;Élève\r\n   \r\nDurand;Paul;Parent");

        AssertValid(result);
        Assert.Equal([5, 7], result.Rows.Select(r => r.LineNumber));
    }
}
