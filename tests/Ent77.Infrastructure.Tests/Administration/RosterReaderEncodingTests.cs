using System.Text;
using System.Text.Unicode;
using Ent77.Application.Administration;
using Ent77.Domain.Accounts;
using Ent77.Infrastructure.Administration;
using static Ent77.Infrastructure.Tests.Administration.RosterReading;

namespace Ent77.Infrastructure.Tests.Administration;

/// <summary>Reading a roster: encodings (UTF-8 with or without BOM, Windows-1252; UTF-16 and binary refused), separators and quoting.</summary>
public sealed class RosterReaderEncodingTests
{
    private static readonly RosterRow[] AccentedRows =
    [
        new(2, "Dupont", "Hélène", Profile.Student, "6e A", new DateOnly(2012, 3, 5), null),
        new(3, "Lefèvre", "Françoise", Profile.Teacher, null, null, null),
        new(4, "Cœur", "Nœl", Profile.Parent, null, null, "RL-0042"),
        new(5, "N'Diaye", "Zoé", Profile.Staff, null, null, null),
    ];

    [Fact]
    public async Task Windows1252Semicolons_Utf8BomCommas_AndUtf8Tabs_AllReadTheSameNames()
    {
        var windows1252 = Windows1252.GetBytes(AccentedRoster(";"));
        Assert.Contains((byte)0x9C, windows1252); // œ
        Assert.False(Utf8.IsValid(windows1252));

        var fromWindows1252 = await ReadAsync(windows1252);
        var fromUtf8Bom = await ReadAsync(Utf8WithBom(AccentedRoster(",")));
        var fromUtf8Tabs = await ReadAsync(AccentedRoster("\t"));

        foreach (var result in new[] { fromWindows1252, fromUtf8Bom, fromUtf8Tabs })
        {
            AssertValid(result);
            Assert.Equal(AccentedRows, result.Rows);
        }
    }

    [Fact]
    public async Task ANonSeekableStream_ReadInSmallAsynchronousChunks_GivesTheSameRows()
    {
        var bytes = Windows1252.GetBytes(AccentedRoster(";"));

        var result = await Reader().ReadAsync(new TrickleStream(bytes, chunk: 7), TestContext.Current.CancellationToken);

        AssertValid(result);
        Assert.Equal(AccentedRows, result.Rows);
    }

    [Fact]
    public async Task QuotedFields_MayHoldSeparatorsQuotesAndLineBreaks()
    {
        const string csv =
            "Nom;Prénom;Profil;Classe;Remarque\n"
            + "\"Dupont; Martin\";\"Jean \"\"JJ\"\"\";Élève;\"6e;A\";\"sur\ndeux lignes\"\n"
            + "  \"  Le Goff \" ; Anne ;  Parent  ;;\n"
            + "\"Durand, Léa\";\"Ève\";\"Enseignant\";\"\";\"\"\n";

        var result = await ReadAsync(csv);

        AssertValid(result);
        Assert.Equal(
            [
                new RosterRow(2, "Dupont; Martin", "Jean \"JJ\"", Profile.Student, "6e;A", null, null),
                new RosterRow(4, "Le Goff", "Anne", Profile.Parent, null, null, null), // the quoted line break makes line 3
                new RosterRow(5, "Durand, Léa", "Ève", Profile.Teacher, null, null, null),
            ],
            result.Rows);
    }

    [Theory]
    [InlineData("Nom,Prénom,Profil", ',')]
    [InlineData("Nom;Prénom;Profil", ';')]
    [InlineData("Nom\tPrénom\tProfil", '\t')]
    [InlineData("\"Nom, de famille\";Prénom;Profil", ';')]
    [InlineData("\"Nom; de famille\",Prénom,Profil", ',')]
    [InlineData("\n\nNom\tPrénom;Profil\t", '\t')]
    [InlineData("Nom", ';')]
    public void DetectSeparator_TakesTheMostFrequentOutsideQuotesOnTheHeaderLine(string header, char expected) =>
        Assert.Equal(expected, CsvRosterReader.DetectSeparator(Encoding.UTF8.GetBytes(header + "\na,b,c,d,e,f;g\th")));

    [Fact]
    public async Task Utf16WithABom_IsRefused_AskingForUtf8()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(AccentedRoster(";"))).ToArray();

        var error = SingleError(await ReadAsync(bytes));

        Assert.Equal((0, "fichier"), (error.LineNumber, error.Column));
        Assert.Contains("encodage non reconnu", error.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("UTF-8", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Utf16BigEndianWithABom_IsRefused()
    {
        var bytes = Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(AccentedRoster(";"))).ToArray();

        var error = SingleError(await ReadAsync(bytes));

        Assert.Equal((0, "fichier"), (error.LineNumber, error.Column));
        Assert.Contains("UTF-8", error.Reason, StringComparison.Ordinal);
    }

    private static byte[] Join(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    public static TheoryData<byte[]> UnreadableBytes() => new(
        Encoding.Unicode.GetBytes("Nom;Prénom;Profil\nDupont;Jean;Élève\n"), // UTF-16 LE without BOM: NUL bytes
        Join("Nom;Prénom;Profil\nDupont;Jean;"u8.ToArray(), [0x00, 0x01, 0x02, 0xFF, 0x0A]), // binary
        Join("Nom;Pr"u8.ToArray(), [0xE9], "nom;Profil\nDupont;Jean;"u8.ToArray(), [0x81], "l"u8.ToArray(), [0xE8], "ve\n"u8.ToArray()), // 0x81: undefined in Windows-1252
        Join("Nom;Prénom;Profil\nDupont;Jean;"u8.ToArray(), [0x9D, 0x0A]), // 0x9D: not UTF-8, undefined in Windows-1252
        Join("\uFEFFNom;Pr"u8.ToArray(), [0xE9], "nom;Profil\nDupont;Jean;Eleve\n"u8.ToArray())); // a UTF-8 BOM on Windows-1252 text

    [Theory]
    [MemberData(nameof(UnreadableBytes))]
    public async Task UnreadableBytes_AreRefusedAsAnUnknownEncoding(byte[] bytes)
    {
        var error = SingleError(await ReadAsync(bytes));

        Assert.Equal((0, "fichier"), (error.LineNumber, error.Column));
        Assert.Contains("encodage non reconnu", error.Reason, StringComparison.OrdinalIgnoreCase);
    }
}
