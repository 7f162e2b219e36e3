using System.Buffers.Binary;
using System.IO.Compression;
using Ent77.Application.Administration.SchoolExports;
using Ent77.Infrastructure.Administration.SchoolExports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static Ent77.Infrastructure.Tests.SchoolExports.ExportFiles;

namespace Ent77.Infrastructure.Tests.SchoolExports;

/// <summary>The size caps: refused while reading, on the bytes actually read, whatever a zip header claims.</summary>
public sealed class SchoolExportLimitTests
{
    private const int Cap = 1024 * 1024;

    private static readonly byte[] StudentsHead = ToLatin9("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n<BEE_ELEVES><PARAMETRES><UAJ>0771234Y</UAJ></PARAMETRES><DONNEES><ELEVES>\n");
    private static readonly byte[] StudentRecord = ToLatin9("<ELEVE ELEVE_ID=\"1\"><NOM_DE_FAMILLE>MARTIN</NOM_DE_FAMILLE><PRENOM>Zoé</PRENOM></ELEVE>\n");

    private static Task<SchoolExportReadResult> ReadAsync(XmlSchoolExportReader reader, params SchoolExportFile[] files) =>
        reader.ReadAsync(files, TestContext.Current.CancellationToken);

    /// <summary>A zip whose one entry is the students' head followed by <paramref name="length"/> bytes of records, compressed as it is made.</summary>
    private static byte[] Bomb(long length)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(Students, CompressionLevel.Optimal).Open();
            new RepeatingStream(StudentsHead, StudentRecord, length).CopyTo(entry);
        }

        return output.ToArray();
    }

    /// <summary>The same zip, its headers claiming another uncompressed size (local header and central directory).</summary>
    private static byte[] Claiming(byte[] zip, uint size)
    {
        var patched = zip.ToArray();
        Assert.True(patched.AsSpan().StartsWith("PK\x03\x04"u8));
        BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(22), size);
        var central = patched.AsSpan().IndexOf("PK\x01\x02"u8);
        BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(central + 24), size);
        return patched;
    }

    /// <summary>A sample made <paramref name="size"/> bytes long by a comment after its root.</summary>
    private static byte[] PaddedTo(string sample, int size)
    {
        var bytes = Sample(sample);
        var comment = ToLatin9("<!--" + new string('x', size - bytes.Length - 7) + "-->");
        return [.. bytes, .. comment];
    }

    [Fact]
    public async Task AFileOverTheCap_GivenSeekable_IsRefusedWithoutBeingRead()
    {
        var content = new MemoryStream(new byte[Cap + 1]);

        var result = await ReadAsync(Reader(maxFileBytes: Cap), new SchoolExportFile("énorme.xml", content));

        Assert.Equal(
            [new SchoolExportProblem("énorme.xml", null, null, SchoolExportProblemKind.TooLarge,
                "Le fichier dépasse la taille maximale de 1 Mio : est-ce bien un export SIECLE ou STS-Web ?")],
            result.Problems);
        Assert.Equal(0, content.Position);
    }

    [Fact]
    public async Task AStreamTenTimesTheCap_IsRefusedOnceTheCapIsPassed_NotAfterReadingIt()
    {
        var source = new RepeatingStream(StudentsHead, StudentRecord, 10L * Cap);

        var result = await ReadAsync(Reader(maxFileBytes: Cap), new SchoolExportFile(Students, source));

        Assert.Equal(
            [new SchoolExportProblem(Students, null, null, SchoolExportProblemKind.TooLarge,
                "Le fichier dépasse la taille maximale de 1 Mio : est-ce bien un export SIECLE ou STS-Web ?")],
            result.Problems);
        Assert.Equal(Cap + 1, source.Served); // one byte past the cap proves it too long; nothing more is asked for
        Assert.Equal([new ExportedFile(Students, ExportFileKind.Students, "0771234Y", false)], result.Export.Files);
    }

    [Fact]
    public async Task AStreamJustUnderTheCap_IsRead()
    {
        var tail = ToLatin9("</ELEVES></DONNEES></BEE_ELEVES>\n");
        static byte[] Record(int i) => ToLatin9($"<ELEVE ELEVE_ID=\"{i:D6}\"><NOM_DE_FAMILLE>MARTIN</NOM_DE_FAMILLE><PRENOM>Zoé</PRENOM></ELEVE>\n");
        var records = (Cap - StudentsHead.Length - tail.Length) / Record(0).Length;
        byte[] file = [.. StudentsHead, .. Enumerable.Range(0, records).SelectMany(Record), .. tail];
        Assert.InRange(file.Length, Cap - Record(0).Length, Cap);

        var result = await ReadAsync(Reader(maxFileBytes: Cap), new SchoolExportFile(Students, new TrickleStream(file, 8192)));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal(records, result.Export.Students.Count);
    }

    [Fact]
    public async Task AZipBomb_WhoseHeaderTellsTheTruth_IsRefusedBeforeInflating()
    {
        var bomb = Bomb(64L * Cap);
        Assert.InRange(bomb.Length, 1, Cap / 2); // 64 MiB in less than half a MiB

        var result = await ReadAsync(Reader(maxFileBytes: Cap), Upload("eleves.zip", bomb));

        Assert.Equal(
            [new SchoolExportProblem("eleves.zip › " + Students, null, null, SchoolExportProblemKind.TooLarge,
                "Une fois décompressé, le fichier dépasse la taille maximale de 1 Mio : est-ce bien un export SIECLE ou STS-Web ?")],
            result.Problems);
        Assert.Empty(result.Export.Students);
    }

    [Fact]
    public async Task AZipBomb_WhoseHeaderLies_IsNeverInflatedPastWhatTheHeaderClaims()
    {
        var lying = Claiming(Bomb(64L * Cap), 1000);

        var result = await ReadAsync(Reader(maxFileBytes: Cap), Upload("eleves.zip", lying));

        // 1,000 bytes hold the head and ten records: the reading stopped there, and says the file is cut short.
        Assert.Equal((1000 - StudentsHead.Length) / StudentRecord.Length, result.Export.Students.Count);
        Assert.Equal(
            [new SchoolExportProblem("eleves.zip › " + Students, null, 13, SchoolExportProblemKind.Truncated,
                "Le fichier s’arrête avant la fin du XML (ligne 13) (dernier élément lu : ELEVE_ID=1) : il est tronqué. Exportez-le ou téléchargez-le à nouveau.")],
            result.Problems);
    }

    [Fact]
    public async Task FilesUnderTheCapEach_ButOverTheTotalTogether_AreRefusedOnThePassingFile()
    {
        const int size = 60 * 1024;
        var students = PaddedTo(Students, size);
        var guardians = PaddedTo(Guardians, size);
        var staff = PaddedTo(Staff, size);
        const string total = "Les fichiers dépassent ensemble, une fois décompressés, la taille maximale de 150 Kio : importez-les en plusieurs fois.";
        var reader = Reader(maxFileBytes: 100 * 1024, maxTotalBytes: 150 * 1024);

        var plain = await ReadAsync(reader, Upload(Students, students), Upload(Guardians, guardians), Upload(Staff, staff));
        var zipped = await ReadAsync(reader, Upload("export.zip", Zip((Students, students), (Guardians, guardians), (Staff, staff))));

        Assert.Equal([new SchoolExportProblem(Staff, null, null, SchoolExportProblemKind.TooLarge, total)], plain.Problems);
        Assert.Equal([new SchoolExportProblem("export.zip › " + Staff, null, null, SchoolExportProblemKind.TooLarge, total)], zipped.Problems);
        Assert.Equal([true, true, false], zipped.Export.Files.Select(f => f.IsComplete));
    }

    [Fact]
    public async Task AZipWithMoreEntriesThanTheCap_IsRefusedBeforeAnyIsRead()
    {
        var entries = Enumerable.Range(1, 11).Select(i => ($"export{i}.xml", Sample(Students))).ToArray();

        var result = await ReadAsync(Reader(maxArchiveEntries: 10), Upload("export.zip", Zip(entries)));

        Assert.Equal(
            [new SchoolExportProblem("export.zip", null, null, SchoolExportProblemKind.TooManyArchiveEntries,
                "L’archive contient 11 éléments : au plus 10 sont acceptés (un export tient en trois fichiers).")],
            result.Problems);
        Assert.Empty(result.Export.Files);
    }

    [Fact]
    public async Task AZipOverTheCap_AsUploaded_IsRefusedWhileCopied()
    {
        var zip = Zip((Students, PaddedTo(Students, 3000)));
        var source = new TrickleStream([.. zip, .. new byte[Cap]], 4096); // the archive, then junk up to past the cap

        var result = await ReadAsync(Reader(maxFileBytes: Cap), new SchoolExportFile("export.zip", source));

        Assert.Equal(
            [new SchoolExportProblem("export.zip", null, null, SchoolExportProblemKind.TooLarge,
                "Le fichier dépasse la taille maximale de 1 Mio : est-ce bien un export SIECLE ou STS-Web ?")],
            result.Problems);
        Assert.Equal(Cap + 1, source.Served);
    }

    [Fact]
    public void AFileCapTooLargeToHoldAnUploadInMemory_IsRefusedAtStart()
    {
        // An upload is copied into memory (at most one byte past the cap) before its XML is read.
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => Reader(maxFileBytes: Array.MaxLength));

        Assert.Equal("SchoolExports:MaxFileBytes", refused.ParamName);
        Assert.IsType<XmlSchoolExportReader>(Reader(maxFileBytes: Array.MaxLength - 1L)); // the largest cap accepted
    }

    [Fact]
    public async Task TheCaps_ComeFromConfiguration_WithTheirDefaults()
    {
        static ISchoolExportReader ReaderFrom(Dictionary<string, string?> settings) =>
            new ServiceCollection()
                .AddSchoolExportReader(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
                .BuildServiceProvider()
                .GetRequiredService<ISchoolExportReader>();

        var configured = ReaderFrom(new() { ["SchoolExports:MaxFileBytes"] = "1000" });
        var defaults = new SchoolExportOptions();

        var refused = await configured.ReadAsync([Upload(Students, Sample(Students))], TestContext.Current.CancellationToken);
        var accepted = await ReaderFrom([]).ReadAsync(Samples(), TestContext.Current.CancellationToken);

        Assert.Equal(
            [new SchoolExportProblem(Students, null, null, SchoolExportProblemKind.TooLarge,
                "Le fichier dépasse la taille maximale de 1000 octets : est-ce bien un export SIECLE ou STS-Web ?")],
            refused.Problems);
        Assert.True(accepted.IsValid);
        Assert.Equal((32L * 1024 * 1024, 64L * 1024 * 1024, 10), (defaults.MaxFileBytes, defaults.MaxTotalBytes, defaults.MaxArchiveEntries));
    }
}
