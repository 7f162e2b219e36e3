using System.Text.Unicode;
using Ent77.Application.Administration.SchoolExports;
using Ent77.Domain.Accounts;
using Ent77.Domain.Establishments;
using static Ent77.Infrastructure.Tests.SchoolExports.ExportFiles;

namespace Ent77.Infrastructure.Tests.SchoolExports;

/// <summary>The three sample exports of ../shared/formats, and the ways a school may hand them over.</summary>
public sealed class SchoolExportReaderTests
{
    private static readonly Uai School = Uai.FromStored("0771234Y");
    private static readonly DateOnly ExportDay = new(2026, 9, 4);

    private static ExportedStudent[] SampleStudents(string file = Students) =>
    [
        new("145778", "2643", "MARTIN", "Zoé", new DateOnly(2014, 3, 14), null, "5A", new ExportSource(file, 11)),
        new("145779", "2644", "LEFÈVRE", "Noé", new DateOnly(2013, 11, 2), new DateOnly(2025, 12, 19), "4B", new ExportSource(file, 23)),
    ];

    private static ExportedGuardian[] SampleGuardians(string file = Guardians) =>
    [
        new("294435", "MARTIN", "Claire", "claire.martin@example.org", "0600000000", new ExportSource(file, 11)),
        new("294436", "MARTIN", "Paul", null, "0700000000", new ExportSource(file, 22)),
        new("294437", "ROCHE", "Édith", null, null, new ExportSource(file, 29)),
    ];

    private static ExportedGuardianLink[] SampleLinks(string file = Guardians) =>
    [
        new("145778", "294435", 1, null, new ExportSource(file, 37)),
        new("145778", "294436", 1, null, new ExportSource(file, 45)),
        new("145778", "294437", 3, null, new ExportSource(file, 53)),
    ];

    private static ExportedStaffMember[] SampleStaff(string file = Staff) =>
    [
        new("4189", "epp", "BERNARD", "ISABELLE", new DateOnly(1980, 4, 26), "ENS", new ExportSource(file, 16)),
        new("4190", "epp", "ROUX", "ALAIN", new DateOnly(1970, 1, 15), "DIR", new ExportSource(file, 30)),
        new("3506", "local", "DUPUIS", "MELANIE", null, null, new ExportSource(file, 39)),
    ];

    private static void AssertValid(SchoolExportReadResult result) =>
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));

    private static void AssertSamples(SchoolExportReadResult result, string students = Students, string guardians = Guardians, string staff = Staff)
    {
        AssertValid(result);
        Assert.Equal(
            [new ExportedFile(students, ExportFileKind.Students, "0771234Y", true), new ExportedFile(guardians, ExportFileKind.Guardians, "0771234Y", true),
             new ExportedFile(staff, ExportFileKind.Staff, "0771234Y", true)],
            result.Export.Files.OrderBy(f => f.Kind));
        Assert.Equal(SampleStudents(students), result.Export.Students);
        Assert.Equal(SampleGuardians(guardians), result.Export.Guardians);
        Assert.Equal(SampleLinks(guardians), result.Export.GuardianLinks);
        Assert.Equal(SampleStaff(staff), result.Export.Staff);
    }

    [Fact]
    public void TheSamples_AreTheIso885915BytesOfTheSharedFormats()
    {
        var students = Sample(Students);
        Assert.False(Utf8.IsValid(students));
        Assert.Equal("Zoé"u8.Length - 1, ToLatin9("Zoé").Length); // one byte for « é »
        Assert.True(students.AsSpan().IndexOf(ToLatin9("<PRENOM>Zoé</PRENOM>")) > 0);
        Assert.True(students.AsSpan().IndexOf(ToLatin9("<NOM_USAGE>LEFÈVRE</NOM_USAGE>")) > 0);
        Assert.True(Sample(Guardians).AsSpan().IndexOf(ToLatin9("<PRENOM>Édith</PRENOM>")) > 0);
    }

    [Fact]
    public async Task TheThreeSamples_AreReadExactly()
    {
        var result = await ReadAsync(Samples());

        AssertSamples(result);
    }

    [Fact]
    public async Task TheThreeSamples_MapToWhatTheSchoolExpects()
    {
        var plan = SchoolExportMapper.Map(await ReadAsync(Samples()), School, ExportDay);

        Assert.True(plan.IsValid, string.Join(Environment.NewLine, plan.Problems));
        Assert.Equal([ExportFileKind.Students, ExportFileKind.Guardians, ExportFileKind.Staff], plan.Kinds);
        Assert.Equal(
            [
                "siecle:eleve:145778|Student|Zoé|MARTIN|5A|2014-03-14|||",
                "siecle:personne:294435|Parent|Claire|MARTIN|||claire.martin@example.org|0600000000|siecle:eleve:145778",
                "siecle:personne:294436|Parent|Paul|MARTIN||||0700000000|siecle:eleve:145778",
                "sts:4189|Teacher|Isabelle|BERNARD||1980-04-26|||",
                "sts:4190|Staff|Alain|ROUX||1970-01-15|||",
                "sts:3506|Staff|Melanie|DUPUIS|||||", // local staff without FONCTION
            ],
            plan.People.Select(Describe));
        // Noé Durand (« LEFÈVRE » in use) has left; Édith Roche is a level-3 contact: no account, not a leaver either.
        Assert.Equal([new ImportedLeaver("siecle:eleve:145779", Profile.Student, "Noé", "LEFÈVRE", LeavingReason.LeftSchool, new DateOnly(2025, 12, 19), new ExportSource(Students, 23))],
            plan.Leavers);
        Assert.DoesNotContain(plan.People, p => p.ExternalId == "siecle:personne:294437");
    }

    internal static string Describe(ImportedPerson p) =>
        string.Join('|', p.ExternalId, p.Profile, p.FirstName, p.LastName, p.ClassName, p.BirthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            p.Email, p.MobilePhone, string.Join(',', p.ChildExternalIds));

    [Fact]
    public async Task TheRootElement_TellsWhatAFileIs_WhateverItsNameAndOrder()
    {
        var result = await ReadAsync(
            Upload(@"C:\Users\secretariat\Téléchargements\export (2).xml", Sample(Staff)),
            Upload("responsables", Sample(Guardians)),
            Upload("eleves.XML.txt", Sample(Students)));

        AssertSamples(result, students: "eleves.XML.txt", guardians: "responsables", staff: "export (2).xml");
    }

    [Fact]
    public async Task TheThreeSamplesInOneZip_ReadAsThePlainFiles_FoldersAndMacMetadataPassedOver()
    {
        var zip = Zip(
            ("export/", []),
            ("export/" + Students, Sample(Students)),
            ("export/" + Guardians, Sample(Guardians)),
            ("export/" + Staff, Sample(Staff)),
            ("__MACOSX/export/._" + Students, [0, 5, 22, 7, 0, 2]),
            ("export/.DS_Store", [0, 0, 0, 1, 66, 117, 100, 49]));

        var result = await ReadAsync(Upload("sconet.zip", zip));

        AssertSamples(result, "sconet.zip › export/" + Students, "sconet.zip › export/" + Guardians, "sconet.zip › export/" + Staff);
    }

    [Fact]
    public async Task NamesAreShownWithoutControlCharacters_AndCut()
    {
        var result = await ReadAsync(Upload("C:\\fakepath\\export\u0007\u001B[31m.zip", Zip(("dossier/\u0001élèves " + new string('x', 120) + ".xml", Sample(Students)))));

        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Problems));
        Assert.Equal("export[31m.zip › dossier/élèves " + new string('x', 85) + "…", Assert.Single(result.Export.Files).Name);
    }

    [Fact]
    public async Task AZipOfOneFile_AndPlainFiles_MayBeMixed()
    {
        var result = await ReadAsync(Upload("Eleves.zip", Zip((Students, Sample(Students)))), Upload(Guardians, Sample(Guardians)), Upload(Staff, Sample(Staff)));

        AssertSamples(result, students: "Eleves.zip › " + Students);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task StreamsThatOnlyReadAsynchronously_InChunksOfAnySize_GiveTheSameRecords(int chunk)
    {
        var result = await Reader().ReadAsync(
            [
                new SchoolExportFile(Students, new TrickleStream(Sample(Students), chunk)),
                new SchoolExportFile(Guardians, new TrickleStream(Sample(Guardians), chunk)),
                new SchoolExportFile("sts.zip", new TrickleStream(Zip((Staff, Sample(Staff))), chunk)),
            ],
            TestContext.Current.CancellationToken);

        AssertSamples(result, staff: "sts.zip › " + Staff);
    }

    [Fact]
    public async Task Utf8Files_DeclaredOrNot_WithOrWithoutBom_AndInSmallChunks_ReadTheSameNames()
    {
        var declared = ToUtf8(SampleText(Students).Replace("ISO-8859-15", "UTF-8", StringComparison.Ordinal));
        var undeclared = ToUtf8(SampleText(Students).Replace("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>", "<?xml version=\"1.0\"?>", StringComparison.Ordinal));
        var bare = ToUtf8(SampleText(Students)[(SampleText(Students).IndexOf('\n', StringComparison.Ordinal) + 1)..]);
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. declared];

        foreach (var (bytes, chunk) in new[] { (declared, 4096), (undeclared, 4096), (bare, 4096), (withBom, 4096), (declared, 1), (withBom, 3) })
        {
            var result = await Reader().ReadAsync([new SchoolExportFile(Students, new TrickleStream(bytes, chunk))], TestContext.Current.CancellationToken);

            AssertValid(result);
            Assert.Equal(SampleStudents().Select(s => s with { Source = s.Source with { Line = s.Source.Line - (bytes == bare ? 1 : 0) } }), result.Export.Students);
        }
    }

    [Fact]
    public async Task Iso885915_ReadsTheLigatureThatLatin1Lacks()
    {
        var text = SampleText(Students).Replace("<NOM_DE_FAMILLE>MARTIN</NOM_DE_FAMILLE>", "<NOM_DE_FAMILLE>CŒUR</NOM_DE_FAMILLE>", StringComparison.Ordinal)
            .Replace("<PRENOM>Zoé</PRENOM>", "<PRENOM>Nœmie</PRENOM>", StringComparison.Ordinal);
        var bytes = ToLatin9(text);
        Assert.Contains((byte)0xBC, bytes); // Œ in ISO-8859-15 (« ¼ » in ISO-8859-1)
        Assert.Contains((byte)0xBD, bytes); // œ

        var result = await ReadAsync(Upload(Students, bytes));

        AssertValid(result);
        Assert.Equal(("CŒUR", "Nœmie"), (result.Export.Students[0].LastName, result.Export.Students[0].FirstName));
    }

    [Fact]
    public async Task ElementOrder_ExtraNesting_UnknownElements_CdataAndEntities_DoNotMatter()
    {
        const string xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- exporté par SIECLE -->
            <BEE_ELEVES VERSION="3.0" xmlns:x="urn:autre">
              <DONNEES>
                <STRUCTURES>
                  <STRUCTURES_ELEVE ELEVE_ID="2"><STRUCTURE><TYPE_STRUCTURE>G</TYPE_STRUCTURE><CODE_STRUCTURE>3LAT</CODE_STRUCTURE></STRUCTURE>
                    <STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE><CODE_STRUCTURE>3C</CODE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE>
                  <STRUCTURES_ELEVE ELEVE_ID="1"><STRUCTURE><CODE_STRUCTURE>6A</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE>
                </STRUCTURES>
                <OPTIONS><ELEVE ELEVE_ID="99"><PRENOM>Pas un élève</PRENOM></ELEVE></OPTIONS>
                <ELEVES>
                  <ELEVE ELEVE_ID="1" ELENOET="10">
                    <DATE_NAISS>01/02/2015</DATE_NAISS>
                    <x:NOTE>ignorée</x:NOTE>
                    <RESPONSABLE><PRENOM>Pas le prénom</PRENOM><NOM>Pas le nom</NOM></RESPONSABLE>
                    <PRENOM><![CDATA[Jean-Noël]]></PRENOM>
                    <NOM_DE_FAMILLE>N&apos;DIAYE &amp; FALL</NOM_DE_FAMILLE>
                  </ELEVE>
                  <ELEVE ELEVE_ID="2"><PRENOM>  Anaïs  </PRENOM><NOM_USAGE/><NOM_DE_FAMILLE>
                     D&#x2019;ALMEIDA</NOM_DE_FAMILLE></ELEVE>
                </ELEVES>
              </DONNEES>
              <PARAMETRES><ANNEE_SCOLAIRE>2026</ANNEE_SCOLAIRE><UAJ> 0771234Y </UAJ></PARAMETRES>
            </BEE_ELEVES>
            """;

        var result = await ReadAsync(Upload("eleves.xml", ToUtf8(xml)));

        AssertValid(result);
        Assert.Equal([new ExportedFile("eleves.xml", ExportFileKind.Students, "0771234Y", true)], result.Export.Files);
        Assert.Equal(
            [
                new ExportedStudent("1", "10", "N'DIAYE & FALL", "Jean-Noël", new DateOnly(2015, 2, 1), null, "6A", new ExportSource("eleves.xml", 12)),
                new ExportedStudent("2", null, "D’ALMEIDA", "Anaïs", null, null, "3C", new ExportSource("eleves.xml", 19)),
            ],
            result.Export.Students);
    }

    [Fact]
    public async Task FilesBefore2018_GiveNom_AndRespLegal()
    {
        const string students = """
            <?xml version="1.0" encoding="ISO-8859-15"?>
            <BEE_ELEVES VERSION="2.1"><PARAMETRES><UAJ>0771234Y</UAJ></PARAMETRES><DONNEES><ELEVES>
            <ELEVE ELEVE_ID="7" ELENOET="70"><NOM>LŒUILLET</NOM><PRENOM>Hélène</PRENOM><DATE_NAISS>05/06/2014</DATE_NAISS></ELEVE>
            </ELEVES></DONNEES></BEE_ELEVES>
            """;
        const string guardians = """
            <?xml version="1.0" encoding="ISO-8859-15"?>
            <BEE_RESPONSABLES><PARAMETRES><UAJ>0771234Y</UAJ></PARAMETRES><DONNEES>
            <PERSONNES>
            <PERSONNE PERSONNE_ID="71"><NOM>LŒUILLET</NOM><PRENOM>Hervé</PRENOM></PERSONNE>
            <PERSONNE PERSONNE_ID="72"><NOM>ROCHE</NOM><PRENOM>Cécile</PRENOM></PERSONNE>
            <PERSONNE PERSONNE_ID="73"><NOM>LŒUILLET</NOM><PRENOM>Odette</PRENOM></PERSONNE>
            </PERSONNES>
            <RESPONSABLES>
            <RESPONSABLE_ELEVE><ELEVE_ID>7</ELEVE_ID><PERSONNE_ID>71</PERSONNE_ID><RESP_LEGAL>1</RESP_LEGAL></RESPONSABLE_ELEVE>
            <RESPONSABLE_ELEVE><ELEVE_ID>7</ELEVE_ID><PERSONNE_ID>72</PERSONNE_ID><RESP_LEGAL>2</RESP_LEGAL></RESPONSABLE_ELEVE>
            <RESPONSABLE_ELEVE><ELEVE_ID>7</ELEVE_ID><PERSONNE_ID>73</PERSONNE_ID><RESP_LEGAL>0</RESP_LEGAL></RESPONSABLE_ELEVE>
            </RESPONSABLES></DONNEES></BEE_RESPONSABLES>
            """;

        var result = await ReadAsync(Upload("ElevesSansAdresses.xml", ToLatin9(students)), Upload("ResponsablesSansAdresses.xml", ToLatin9(guardians)));

        AssertValid(result);
        Assert.Equal("LŒUILLET", Assert.Single(result.Export.Students).LastName);
        Assert.Equal([(71, "LŒUILLET"), (72, "ROCHE"), (73, "LŒUILLET")], result.Export.Guardians.Select(g => (int.Parse(g.Id, System.Globalization.CultureInfo.InvariantCulture), g.LastName)));
        Assert.Equal([(null, 1), (null, 2), (null, 0)], result.Export.GuardianLinks.Select(l => (l.ResponsibilityLevel, l.LegalResponsible)));
        var plan = SchoolExportMapper.Map(result, School, ExportDay);
        Assert.Equal(
            ["siecle:eleve:7|Student|Hélène|LŒUILLET||2014-06-05|||", "siecle:personne:71|Parent|Hervé|LŒUILLET|||||siecle:eleve:7", "siecle:personne:72|Parent|Cécile|ROCHE|||||siecle:eleve:7"],
            plan.People.Select(Describe));
    }
}
