using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Ent77.Application.Administration;
using Ent77.Domain.Accounts;
using Ent77.Infrastructure.Administration;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Options;

namespace Ent77.Infrastructure.Tests.Administration;

public sealed class RosterReaderTests
{
    private const string FrenchHeader = "Nom;Prénom;Profil;Classe;Date de naissance;Identifiant externe";

    private static readonly Encoding Windows1252 = LoadWindows1252();
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    private static CsvRosterReader Reader(int maxBytes = 32 * 1024 * 1024, int maxRows = 200_000) =>
        new(Options.Create(new RosterOptions { MaxBytes = maxBytes, MaxRows = maxRows }));

    private static Task<RosterReadResult> ReadAsync(byte[] bytes, CsvRosterReader? reader = null) =>
        (reader ?? Reader()).ReadAsync(new MemoryStream(bytes, writable: false), TestContext.Current.CancellationToken);

    private static Task<RosterReadResult> ReadAsync(string text, CsvRosterReader? reader = null) =>
        ReadAsync(Utf8NoBom.GetBytes(text), reader);

    private static byte[] Utf8WithBom(string text) => [.. "\uFEFF"u8, .. Utf8NoBom.GetBytes(text)];

    private static Encoding LoadWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>The only error of a result that has no row.</summary>
    private static RosterError SingleError(RosterReadResult result)
    {
        Assert.False(result.IsValid);
        Assert.Empty(result.Rows);
        return Assert.Single(result.Errors);
    }

    private static void AssertValid(RosterReadResult result)
    {
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        Assert.Empty(result.Errors);
    }

    // ---- Encodings and separators --------------------------------------------------------------

    private static readonly RosterRow[] AccentedRows =
    [
        new(2, "Dupont", "Hélène", Profile.Student, "6e A", new DateOnly(2012, 3, 5), null),
        new(3, "Lefèvre", "Françoise", Profile.Teacher, null, null, null),
        new(4, "Cœur", "Nœl", Profile.Parent, null, null, "RL-0042"),
        new(5, "N'Diaye", "Zoé", Profile.Staff, null, null, null),
    ];

    private static string AccentedRoster(string separator) =>
        string.Join(separator, "Nom", "Prénom", "Profil", "Classe", "Date de naissance", "Identifiant externe") + "\r\n"
        + string.Join(separator, "Dupont", "Hélène", "Élève", "6e A", "05/03/2012", "") + "\r\n"
        + string.Join(separator, "Lefèvre", "Françoise", "Enseignant", "", "", "") + "\r\n"
        + string.Join(separator, "Cœur", "Nœl", "Responsable légal", "", "", "RL-0042") + "\r\n"
        + string.Join(separator, "N'Diaye", "Zoé", "Personnel", "", "", "") + "\r\n";

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

    // ---- Headers -------------------------------------------------------------------------------

    [Fact]
    public async Task EnglishHeaders_AndEnglishProfiles_AreRead()
    {
        const string csv =
            "LastName,FirstName,Profile,ClassName,BirthDate,ExternalId\n"
            + "Smith,John,Student,5e B,2011-09-30,S-1\n"
            + "Doe,Jane,teacher,,,\n"
            + "Roe,Rick,STAFF,,,\n";

        var result = await ReadAsync(csv);

        AssertValid(result);
        Assert.Equal(
            [
                new RosterRow(2, "Smith", "John", Profile.Student, "5e B", new DateOnly(2011, 9, 30), "S-1"),
                new RosterRow(3, "Doe", "Jane", Profile.Teacher, null, null, null),
                new RosterRow(4, "Roe", "Rick", Profile.Staff, null, null, null),
            ],
            result.Rows);
    }

    [Theory]
    [InlineData("NOM DE FAMILLE;prenom;PROFIL;classe;date_de_naissance;Identifiant-Externe;Commentaire")]
    [InlineData("surname;First_Name;profile;CLASS;Date Of Birth;external id;")]
    [InlineData("Last-Name;PRÉNOM;Profil ;Class Name;birth_date;ID EXTERNE;Autre")]
    [InlineData("nom;Prénom;profil;classe;DATE DE NAISSANCE;identifiant externe;x")]
    public async Task Headers_MatchIgnoringCaseAccentsSpacesHyphensAndUnderscores_AndExtraColumnsAreIgnored(string header)
    {
        var result = await ReadAsync(header + "\nDupont;Hélène;élève;6e A;05/03/2012;X-1;ignoré\n");

        AssertValid(result);
        Assert.Equal([new RosterRow(2, "Dupont", "Hélène", Profile.Student, "6e A", new DateOnly(2012, 3, 5), "X-1")], result.Rows);
    }

    [Fact]
    public async Task Columns_MayComeInAnyOrder()
    {
        var result = await ReadAsync("Profil;Classe;Prénom;Nom\nEnseignant;;Paul;Martin\n");

        AssertValid(result);
        Assert.Equal([new RosterRow(2, "Martin", "Paul", Profile.Teacher, null, null, null)], result.Rows);
    }

    [Fact]
    public async Task AMissingRequiredColumn_IsOneErrorOnLine1NamingIt()
    {
        var result = await ReadAsync("Nom;Profil;Classe\nDupont;Élève;6e A\n");

        var error = SingleError(result);
        Assert.Equal(1, error.LineNumber);
        Assert.Equal("Prénom", error.Column);
        Assert.Contains("« Prénom »", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryMissingRequiredColumn_IsReported()
    {
        var result = await ReadAsync("Identifiant;Classe\nx;6e A\n");

        Assert.Empty(result.Rows);
        Assert.Equal(
            [(1, "Nom"), (1, "Prénom"), (1, "Profil")],
            result.Errors.Select(e => (e.LineNumber, e.Column)));
    }

    [Fact]
    public async Task AColumnNamedTwice_IsAnError()
    {
        var result = await ReadAsync("Nom;Prénom;Profil;Nom de famille\nDupont;Jean;Élève;Durand\n");

        var error = SingleError(result);
        Assert.Equal((1, "Nom"), (error.LineNumber, error.Column));
        Assert.Contains("deux fois", error.Reason, StringComparison.Ordinal);
    }

    // ---- Profiles ------------------------------------------------------------------------------

    [Theory]
    [InlineData("Élève", Profile.Student)]
    [InlineData("ELEVE", Profile.Student)]
    [InlineData("élève", Profile.Student)]
    [InlineData("Student", Profile.Student)]
    [InlineData("Parent", Profile.Parent)]
    [InlineData("Responsable", Profile.Parent)]
    [InlineData("Responsable légal", Profile.Parent)]
    [InlineData("RESPONSABLE LEGAL", Profile.Parent)]
    [InlineData("responsable-legal", Profile.Parent)]
    [InlineData("Enseignant", Profile.Teacher)]
    [InlineData("professeur", Profile.Teacher)]
    [InlineData("Teacher", Profile.Teacher)]
    [InlineData("Personnel", Profile.Staff)]
    [InlineData("staff", Profile.Staff)]
    public async Task Profiles_AreReadInFrenchOrEnglish_IgnoringCaseAndAccents(string text, Profile expected)
    {
        var result = await ReadAsync($"Nom;Prénom;Profil\nDupont;Jean;{text}\n");

        AssertValid(result);
        Assert.Equal(expected, Assert.Single(result.Rows).Profile);
    }

    [Fact]
    public async Task AnUnknownProfile_IsAnErrorListingTheAcceptedValues()
    {
        var result = await ReadAsync("Nom;Prénom;Profil\nDupont;Jean;Élève\nDurand;Paul;Directeur\n");

        var error = SingleError(result);
        Assert.Equal((3, "Profil"), (error.LineNumber, error.Column));
        Assert.Contains("« Directeur »", error.Reason, StringComparison.Ordinal);
        foreach (var accepted in new[] { "Élève", "Parent", "Enseignant", "Personnel" })
        {
            Assert.Contains(accepted, error.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnEmptyProfile_IsAnError()
    {
        var error = SingleError(await ReadAsync("Nom;Prénom;Profil\nDupont;Jean;  \n"));

        Assert.Equal((2, "Profil"), (error.LineNumber, error.Column));
        Assert.Contains("obligatoire", error.Reason, StringComparison.Ordinal);
    }

    // ---- Names ---------------------------------------------------------------------------------

    [Fact]
    public async Task AnEmptyLastName_IsAnError()
    {
        var error = SingleError(await ReadAsync("Nom;Prénom;Profil\nDupont;Jean;Élève\n  ;Paul;Élève\n"));

        Assert.Equal((3, "Nom"), (error.LineNumber, error.Column));
        Assert.Contains("obligatoire", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingFirstNameCell_IsAnError()
    {
        var error = SingleError(await ReadAsync("Nom;Profil;Prénom\nDupont;Élève\n"));

        Assert.Equal((2, "Prénom"), (error.LineNumber, error.Column));
        Assert.Contains("obligatoire", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'''")]
    [InlineData("---")]
    [InlineData("李")]
    [InlineData("?!")]
    public async Task ALastNameThatYieldsNoIdentifier_IsAnError(string lastName)
    {
        var error = SingleError(await ReadAsync($"Nom;Prénom;Profil\n{lastName};Jean;Élève\n"));

        Assert.Equal((2, "Nom"), (error.LineNumber, error.Column));
        Assert.Contains("aucune lettre utilisable", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFirstNameThatYieldsNoIdentifier_IsAnError()
    {
        var error = SingleError(await ReadAsync("Nom;Prénom;Profil\nDupont;' - ';Élève\n"));

        Assert.Equal((2, "Prénom"), (error.LineNumber, error.Column));
        Assert.Contains("aucune lettre utilisable", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamesWithOnlyNonAsciiLetters_AreAccepted()
    {
        var result = await ReadAsync("Nom;Prénom;Profil\nÉÂ;Œ;Élève\n");

        AssertValid(result);
        Assert.Equal(("ÉÂ", "Œ"), (result.Rows[0].LastName, result.Rows[0].FirstName));
    }

    [Fact]
    public async Task Names_AreTrimmedAndComposed()
    {
        // "He\u0301le\u0300ne" is how some Mac exports spell Hélène (decomposed accents).
        var result = await ReadAsync("Nom;Prénom;Profil\n\u00A0Dupont ;He\u0301le\u0300ne;Élève\n");

        AssertValid(result);
        Assert.Equal(("Dupont", "Hélène"), (result.Rows[0].LastName, result.Rows[0].FirstName));
    }

    [Fact]
    public async Task Lengths_AreLimited()
    {
        var okName = new string('a', 100);
        var csv = FrenchHeader + "\n"
            + $"{okName};{okName};Élève;{new string('c', 50)};;{new string('x', 64)}\n"
            + $"{okName}b;{okName}b;Élève;{new string('c', 51)};;{new string('x', 65)}\n";

        var result = await ReadAsync(csv);

        Assert.Empty(result.Rows);
        Assert.Equal(
            [(3, "Nom"), (3, "Prénom"), (3, "Classe"), (3, "Identifiant externe")],
            result.Errors.Select(e => (e.LineNumber, e.Column)));
        Assert.All(result.Errors, e => Assert.Contains("dépasse", e.Reason, StringComparison.Ordinal));
    }

    // ---- Dates ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("05/03/2012")]
    [InlineData("5/3/2012")]
    [InlineData("2012-03-05")]
    [InlineData("05-03-2012")]
    [InlineData("05.03.2012")]
    [InlineData(" 05/03/2012 ")]
    public async Task BirthDates_AreReadInTheUsualFormats(string text)
    {
        var result = await ReadAsync($"Nom;Prénom;Profil;Date de naissance\nDupont;Jean;Élève;{text}\n");

        AssertValid(result);
        Assert.Equal(new DateOnly(2012, 3, 5), Assert.Single(result.Rows).BirthDate);
    }

    [Theory]
    [InlineData("31/02/2012")]
    [InlineData("hier")]
    [InlineData("2012-13-01")]
    [InlineData("03/2012")]
    [InlineData("05/03/12")]
    [InlineData("05/03/2012 10:00")]
    [InlineData("un très long texte qui n'est manifestement pas une date du tout")]
    public async Task ABadBirthDate_IsAnError(string text)
    {
        var error = SingleError(await ReadAsync($"Nom;Prénom;Profil;Date de naissance\nDupont;Jean;Élève;{text}\n"));

        Assert.Equal((2, "Date de naissance"), (error.LineNumber, error.Column));
        Assert.Contains("invalide", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFutureBirthDate_IsAnError()
    {
        var soon = DateTime.UtcNow.AddDays(3).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        var result = await ReadAsync($"Nom;Prénom;Profil;Date de naissance\nDupont;Jean;Élève;{soon}\nDurand;Paul;Élève;2999-01-01\n");

        Assert.Empty(result.Rows);
        Assert.Equal([(2, "Date de naissance"), (3, "Date de naissance")], result.Errors.Select(e => (e.LineNumber, e.Column)));
        Assert.All(result.Errors, e => Assert.Contains("futur", e.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ABirthDateBefore1900_IsAnError_And1900IsAccepted()
    {
        var result = await ReadAsync("Nom;Prénom;Profil;Date de naissance\nDupont;Jean;Élève;31/12/1899\nDurand;Paul;Élève;01/01/1900\n");

        var error = SingleError(result);
        Assert.Equal((2, "Date de naissance"), (error.LineNumber, error.Column));
        Assert.Contains("1900", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TodayIsNotInTheFuture()
    {
        // Yesterday in UTC is today or yesterday in Paris: never in the future.
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        AssertValid(await ReadAsync($"Nom;Prénom;Profil;Date de naissance\nDupont;Jean;Élève;{yesterday}\n"));
    }

    // ---- External ids --------------------------------------------------------------------------

    [Fact]
    public async Task ADuplicateExternalId_IsAnErrorOnTheLaterLine_NamingTheEarlierOne()
    {
        const string csv = "Nom;Prénom;Profil;Identifiant externe\n"
            + "Dupont;Jean;Élève;abc-1\n"
            + "Durand;Paul;Élève;xyz\n"
            + "Martin;Léa;Élève;ABC-1\n"
            + "Petit;Tom;Élève;\n"
            + "Roux;Zoé;Élève;\n";

        var error = SingleError(await ReadAsync(csv));

        Assert.Equal((4, "Identifiant externe"), (error.LineNumber, error.Column));
        Assert.Contains("ligne 2", error.Reason, StringComparison.Ordinal);
    }

    // ---- Bad files -----------------------------------------------------------------------------

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
        Assert.True(endless.Position <= 16 * 1024, $"read {endless.Position} bytes");
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

    // ---- Round trip property -------------------------------------------------------------------

    private static readonly string[][] HeaderNames =
    [
        ["Nom", "Nom de famille", "LastName", "Last name", "Surname"],
        ["Prénom", "FirstName", "First name"],
        ["Profil", "Profile"],
        ["Classe", "Class", "ClassName"],
        ["Date de naissance", "BirthDate", "Birth date", "DateOfBirth"],
        ["Identifiant externe", "ExternalId", "External id", "Id externe"],
    ];

    private static readonly Func<string, string>[] HeaderSpellings =
    [
        s => s,
        s => s.ToUpperInvariant(),
        s => s.ToLowerInvariant(),
        s => s.Replace(' ', '_'),
        s => string.Concat(s.Normalize(NormalizationForm.FormD).Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)),
    ];

    private static readonly (string Text, Profile Profile)[] ProfileSpellings =
    [
        ("Élève", Profile.Student), ("eleve", Profile.Student), ("ÉLÈVE", Profile.Student), ("Student", Profile.Student),
        ("Parent", Profile.Parent), ("Responsable légal", Profile.Parent), ("responsable", Profile.Parent),
        ("Enseignant", Profile.Teacher), ("Professeur", Profile.Teacher), ("TEACHER", Profile.Teacher),
        ("Personnel", Profile.Staff), ("staff", Profile.Staff),
    ];

    private static readonly string[] DateFormatsWritten = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy"];

    /// <summary>
    /// Valid names: a letter first, then letters, separators and CSV specials (separators, quotes); some names
    /// have letters that Windows-1252 lacks (such rosters are written in UTF-8).
    /// </summary>
    private static Gen<string> Names(bool windows1252Only) =>
        from first in Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".ToCharArray())
        from rest in Gen.OneOf(
                Gen.Elements("abcdefghijklmnopqrstuvwxyz".ToCharArray()),
                Gen.Elements("àâäçéèêëîïôöùûüÿñÀÂÇÉÈÊËÎÏÔÙÛÜŸœŒæÆß".ToCharArray()),
                Gen.Elements((windows1252Only ? "eé" : "ŁłőȘĳ李").ToCharArray()),
                Gen.Elements(" -'’;,\"".ToCharArray()))
            .ListOf()
        select Cut(first + string.Concat(rest));

    private static string Cut(string name)
    {
        name = name.TrimEnd();
        return name.Length > CsvRosterReader.MaxNameLength ? name[..CsvRosterReader.MaxNameLength].TrimEnd() : name;
    }

    private sealed record RowSpec(string LastName, string FirstName, int Profile, string? ClassName, int BirthDay, int DateFormat, bool HasExternalId);

    private static Gen<RowSpec> RowSpecs(bool windows1252Only) =>
        from lastName in Names(windows1252Only)
        from firstName in Names(windows1252Only)
        from profile in Gen.Choose(0, ProfileSpellings.Length - 1)
        from className in Gen.Elements<string?>(null, "6e A", "CM2", "Terminale; S2", "5e \"bis\"", "TS,1")
        from birthDay in Gen.Choose(-1, 44_000) // days after 01/01/1900, or no date
        from dateFormat in Gen.Choose(0, DateFormatsWritten.Length - 1)
        from hasExternalId in Gen.Elements(true, false)
        select new RowSpec(lastName, firstName, profile, className, birthDay, dateFormat, hasExternalId);

    private sealed record Roster(RowSpec[] Rows, char Separator, int Encoding, string NewLine, int[] Order, int[] HeaderChoices)
    {
        public override string ToString() =>
            $"sep={(Separator == '\t' ? "TAB" : Separator.ToString())} encoding={Encoding} order=[{string.Join(",", Order)}]\n{Text()}";

        public string Text()
        {
            var builder = new StringBuilder();
            builder.AppendJoin(Separator, Order.Select(c => Cell(HeaderSpellings[HeaderChoices[c] % HeaderSpellings.Length](HeaderNames[c][HeaderChoices[c] % HeaderNames[c].Length]))));
            for (var i = 0; i < Rows.Length; i++)
            {
                var row = Rows[i];
                string?[] cells =
                [
                    row.LastName,
                    row.FirstName,
                    ProfileSpellings[row.Profile].Text,
                    row.ClassName,
                    row.BirthDay < 0 ? null : Date(row).ToString(DateFormatsWritten[row.DateFormat], CultureInfo.InvariantCulture),
                    row.HasExternalId ? $"ext-{i}" : null,
                ];
                builder.Append(NewLine).AppendJoin(Separator, Order.Select(c => Cell(cells[c] ?? "")));
            }

            return builder.Append(NewLine).ToString();
        }

        public RosterRow[] Expected() =>
            Rows.Select((row, i) => new RosterRow(
                i + 2,
                row.LastName,
                row.FirstName,
                ProfileSpellings[row.Profile].Profile,
                row.ClassName,
                row.BirthDay < 0 ? null : Date(row),
                row.HasExternalId ? $"ext-{i}" : null)).ToArray();

        private static DateOnly Date(RowSpec row) => new DateOnly(1900, 1, 1).AddDays(row.BirthDay);

        private string Cell(string value) =>
            value.IndexOfAny([Separator, '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    private static readonly Gen<Roster> Rosters =
        from encoding in Gen.Choose(0, 2) // UTF-8, UTF-8 with BOM, Windows-1252 (when it can hold the names)
        from rows in RowSpecs(windows1252Only: encoding == 2).NonEmptyListOf()
        from separator in Gen.Elements(';', ',', '\t')
        from newLine in Gen.Elements("\n", "\r\n")
        from order in Gen.Shuffle(new[] { 0, 1, 2, 3, 4, 5 })
        from headerChoices in Gen.Choose(0, 1_000).ArrayOf(6)
        select new Roster([.. rows], separator, encoding, newLine, order, headerChoices);

    private static byte[] Encode(Roster roster)
    {
        var text = roster.Text();
        if (roster.Encoding == 2)
        {
            try
            {
                var bytes = Windows1252.GetBytes(text);
                // Windows-1252 text that happens to be valid UTF-8 (such as "Ã©") is read as UTF-8, as it should be.
                if (!Utf8.IsValid(bytes) || bytes.All(b => b < 0x80))
                {
                    return bytes;
                }
            }
            catch (EncoderFallbackException)
            {
                // Not representable: UTF-8 instead.
            }
        }

        return roster.Encoding == 1 ? Utf8WithBom(text) : Utf8NoBom.GetBytes(text);
    }

    [Property(MaxTest = 200)]
    public Property ValidRosters_ReadBackExactly_WhateverTheSeparatorEncodingAndHeaderSpelling() =>
        Prop.ForAll(Rosters.ToArbitrary(), roster =>
        {
#pragma warning disable xUnit1031 // FsCheck properties are synchronous; a MemoryStream completes at once.
            var result = Reader().ReadAsync(new MemoryStream(Encode(roster)), CancellationToken.None).GetAwaiter().GetResult();
#pragma warning restore xUnit1031
            return result.IsValid && result.Rows.SequenceEqual(roster.Expected());
        });

    [Fact]
    public void GeneratedRosters_CoverEverySeparatorAndEncoding()
    {
        var samples = Rosters.Sample(300).ToArray();
        var encodings = samples.Select(r => Encode(r) switch
        {
            [0xEF, 0xBB, 0xBF, ..] => "utf-8 bom",
            var bytes when Utf8.IsValid(bytes) => "utf-8",
            _ => "windows-1252",
        }).CountBy(e => e).ToDictionary();

        Assert.All(new[] { "utf-8", "utf-8 bom", "windows-1252" }, e => Assert.True(encodings.GetValueOrDefault(e) >= samples.Length / 6, $"{e}: {encodings.GetValueOrDefault(e)}"));
        Assert.All(new[] { ';', ',', '\t' }, sep => Assert.Contains(samples, r => r.Separator == sep));
    }

    // ---- Volume --------------------------------------------------------------------------------

    [Fact]
    public async Task AHundredThousandRows_AreReadQuickly()
    {
        const int count = 100_000;
        string[] profiles = ["Élève", "Parent", "Enseignant", "Personnel"];
        var builder = new StringBuilder(count * 64).Append(FrenchHeader).Append("\r\n");
        for (var i = 0; i < count; i++)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $"Lefèvre-{i};Hélène;{profiles[i % 4]};{i % 7}e {(char)('A' + i % 5)};{1 + i % 28:00}/{1 + i % 12:00}/{2000 + i % 20};EXT-{i}\r\n");
        }

        var bytes = Utf8WithBom(builder.ToString());
        await ReadAsync("Nom;Prénom;Profil\nDupont;Jean;Élève\n"); // warm-up: JIT and static tables

        var stopwatch = Stopwatch.StartNew();
        var result = await ReadAsync(bytes);
        stopwatch.Stop();

        TestContext.Current.TestOutputHelper?.WriteLine($"{count:N0} rows ({bytes.Length:N0} bytes) read in {stopwatch.ElapsedMilliseconds} ms");
        AssertValid(result);
        Assert.Equal(count, result.Rows.Count);
        Assert.Equal(new RosterRow(2, "Lefèvre-0", "Hélène", Profile.Student, "0e A", new DateOnly(2000, 1, 1), "EXT-0"), result.Rows[0]);
        Assert.Equal(new RosterRow(50_001, "Lefèvre-49999", "Hélène", Profile.Staff, "5e E", new DateOnly(2019, 8, 20), "EXT-49999"), result.Rows[49_999]);
        Assert.Equal(new RosterRow(100_001, "Lefèvre-99999", "Hélène", Profile.Staff, "4e E", new DateOnly(2019, 4, 12), "EXT-99999"), result.Rows[^1]);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(3), $"took {stopwatch.Elapsed}");
    }

    /// <summary>A request body: not seekable, asynchronous reads only, a few bytes at a time.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous reads are not allowed.");

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = Math.Min(Math.Min(chunk, buffer.Length), data.Length - _position);
            data.AsSpan(_position, n).CopyTo(buffer.Span);
            _position += n;
            return ValueTask.FromResult(n);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
