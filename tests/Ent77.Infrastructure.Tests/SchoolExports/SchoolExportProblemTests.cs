using Ent77.Application.Administration.SchoolExports;
using Ent77.Domain.Establishments;
using static Ent77.Infrastructure.Tests.SchoolExports.ExportFiles;

namespace Ent77.Infrastructure.Tests.SchoolExports;

/// <summary>Every bad upload gets every one of its problems, each naming the file, the element when there is one, and why, in French.</summary>
public sealed class SchoolExportProblemTests
{
    private static readonly Uai School = Uai.FromStored("0771234Y");
    private static readonly DateOnly ExportDay = new(2026, 9, 4);

    private static byte[] Changed(string sample, string from, string to)
    {
        var text = SampleText(sample);
        Assert.Contains(from, text, StringComparison.Ordinal);
        return ToLatin9(text.Replace(from, to, StringComparison.Ordinal));
    }

    private static async Task<SchoolExportProblem> SingleProblemAsync(params SchoolExportFile[] files)
    {
        var result = await ReadAsync(files);
        Assert.False(result.IsValid);
        return Assert.Single(result.Problems);
    }

    /// <summary>Read and map: the problems of the reader and of the mapping, as the import reports them.</summary>
    private static async Task<IReadOnlyList<SchoolExportProblem>> ImportProblemsAsync(params SchoolExportFile[] files)
    {
        var plan = SchoolExportMapper.Map(await ReadAsync(files), School, ExportDay);
        Assert.False(plan.IsValid);
        Assert.Empty(plan.People);
        Assert.Empty(plan.Leavers);
        return plan.Problems;
    }

    // ---- The upload ---------------------------------------------------------------------------------

    [Fact]
    public async Task NoFile_IsAProblemOfTheUpload()
    {
        Assert.Equal(
            new SchoolExportProblem("", null, null, SchoolExportProblemKind.NoFile,
                "Aucun fichier reçu : joignez les exports des élèves, des responsables et/ou de STS-Web (fichiers XML, ou le zip qui les contient)."),
            await SingleProblemAsync());
    }

    [Fact]
    public async Task FourFiles_AreRefusedBeforeAnyIsRead()
    {
        Assert.Equal(
            new SchoolExportProblem("", null, null, SchoolExportProblemKind.TooManyFiles,
                "4 fichiers reçus : un import en accepte au plus 3 (élèves, responsables, STS-Web), ou un zip qui les contient."),
            await SingleProblemAsync([.. Samples(), Upload("encore.xml", Sample(Students))]));
    }

    [Fact]
    public async Task TwoStudentFiles_TheSecondIsRefused()
    {
        var result = await ReadAsync(Upload("eleves-2025.xml", Sample(Students)), Upload("eleves-2026.zip", Zip((Students, Sample(Students)))));

        Assert.Equal(
            [new SchoolExportProblem("eleves-2026.zip › " + Students, "BEE_ELEVES", 2, SchoolExportProblemKind.TooManyFiles,
                "Un deuxième export BEE_ELEVES a été reçu, après « eleves-2025.xml » : déposez un seul export de chaque sorte.")],
            result.Problems);
        Assert.Equal(2, result.Export.Students.Count);
    }

    [Fact]
    public async Task AnEmptyFile()
    {
        Assert.Equal(new SchoolExportProblem("vide.xml", null, null, SchoolExportProblemKind.Empty, "Le fichier est vide."),
            await SingleProblemAsync(Upload("vide.xml", [])));
    }

    // ---- Not an export --------------------------------------------------------------------------------

    [Fact]
    public async Task AnXmlFileOfAnotherKind_IsNamedByItsRoot()
    {
        Assert.Equal(
            new SchoolExportProblem("Nomenclature.xml", "BEE_NOMENCLATURES", 2, SchoolExportProblemKind.UnknownRoot,
                "Ce fichier XML n’est pas un export reconnu (élément racine « BEE_NOMENCLATURES ») : sont attendus les exports BEE_ELEVES (élèves), BEE_RESPONSABLES (responsables) de SIECLE et STS_EDT de STS-Web."),
            await SingleProblemAsync(Upload("Nomenclature.xml", ToLatin9("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n<BEE_NOMENCLATURES><PARAMETRES/></BEE_NOMENCLATURES>"))));
    }

    [Fact]
    public async Task AFileThatIsNeitherXmlNorZip()
    {
        Assert.Equal(
            new SchoolExportProblem("eleves.csv", null, null, SchoolExportProblemKind.NotAnExport,
                "Ce fichier n’est ni un export XML ni une archive zip : déposez les fichiers XML exportés de SIECLE (BEE) ou de STS-Web, ou le zip qui les contient."),
            await SingleProblemAsync(Upload("eleves.csv", ToUtf8("Nom;Prénom;Profil\nMartin;Zoé;Élève\n"))));
    }

    [Fact]
    public async Task AZipWithAnythingElseInside_NamesEachIntruder_AndStillReadsTheExports()
    {
        var zip = Zip(
            (Students, Sample(Students)),
            ("notice.pdf", "%PDF-1.4\n%âãÏÓ\n"u8.ToArray()),
            ("anciens.zip", Zip((Guardians, Sample(Guardians)))),
            ("Nomenclature.xml", ToLatin9("<?xml version=\"1.0\"?><BEE_NOMENCLATURES/>")));

        var result = await ReadAsync(Upload("export.zip", zip));

        Assert.Equal(
            [
                new SchoolExportProblem("export.zip › notice.pdf", null, null, SchoolExportProblemKind.UnexpectedArchiveEntry,
                    "L’archive contient un fichier qui n’est pas un export XML : elle ne doit contenir que les exports des élèves, des responsables et de STS-Web."),
                new SchoolExportProblem("export.zip › anciens.zip", null, null, SchoolExportProblemKind.UnexpectedArchiveEntry,
                    "L’archive contient une autre archive : décompressez-la, ou déposez directement les fichiers XML."),
                new SchoolExportProblem("export.zip › Nomenclature.xml", "BEE_NOMENCLATURES", 1, SchoolExportProblemKind.UnknownRoot,
                    "Ce fichier XML n’est pas un export reconnu (élément racine « BEE_NOMENCLATURES ») : sont attendus les exports BEE_ELEVES (élèves), BEE_RESPONSABLES (responsables) de SIECLE et STS_EDT de STS-Web."),
            ],
            result.Problems);
        Assert.Equal(["145778", "145779"], result.Export.Students.Select(s => s.Id));
    }

    [Fact]
    public async Task ADamagedZip()
    {
        var zip = Zip((Students, Sample(Students)));
        var damaged = zip[..(zip.Length / 2)];

        Assert.Equal(
            new SchoolExportProblem("export.zip", null, null, SchoolExportProblemKind.CorruptArchive,
                "L’archive zip est illisible ou endommagée : créez-la à nouveau, ou déposez directement les fichiers XML."),
            await SingleProblemAsync(Upload("export.zip", damaged)));
    }

    [Fact]
    public async Task AZipWithNothingButFolders()
    {
        Assert.Equal(new SchoolExportProblem("export.zip", null, null, SchoolExportProblemKind.Empty, "L’archive ne contient aucun fichier."),
            await SingleProblemAsync(Upload("export.zip", Zip(("export/", []), ("export/vide/", [])))));
    }

    // ---- Broken XML ---------------------------------------------------------------------------------

    [Fact]
    public async Task ATruncatedFile_SaysWhereItStops_AndTheLastRecordRead()
    {
        var bytes = Sample(Guardians);
        var cut = bytes[..bytes.AsSpan().IndexOf(ToLatin9("<NIVEAU_RESPONSABILITE>3"))];

        var result = await ReadAsync(Upload(Guardians, cut));

        Assert.Equal(
            [new SchoolExportProblem(Guardians, null, 56, SchoolExportProblemKind.Truncated,
                "Le fichier s’arrête avant la fin du XML (ligne 56) (dernier élément lu : ELEVE_ID=145778, PERSONNE_ID=294436) : il est tronqué. Exportez-le ou téléchargez-le à nouveau.")],
            result.Problems);
        Assert.Equal([new ExportedFile(Guardians, ExportFileKind.Guardians, "0771234Y", false)], result.Export.Files);
    }

    [Fact]
    public async Task AMalformedFile_SaysTheLineAndColumn()
    {
        Assert.Equal(
            new SchoolExportProblem(Students, null, 25, SchoolExportProblemKind.MalformedXml,
                "Le XML est mal formé ligne 25, colonne 33 (dernier élément lu : ELEVE_ID=145778) : le fichier ne peut pas être lu. Exportez-le à nouveau sans le modifier."),
            await SingleProblemAsync(Upload(Students, Changed(Students, "<NOM_DE_FAMILLE>DURAND</NOM_DE_FAMILLE>", "<NOM_DE_FAMILLE>DURAND</NOM_FAMILLE>"))));
    }

    [Theory]
    [InlineData("<!DOCTYPE BEE_ELEVES [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>")] // entity expansion
    [InlineData("<!DOCTYPE BEE_ELEVES [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>")] // external entity
    [InlineData("<!DOCTYPE BEE_ELEVES SYSTEM \"http://127.0.0.1:9/bee.dtd\">")] // external DTD
    public async Task ADoctype_IsRefused_NothingIsExpandedOrFetched(string doctype)
    {
        var text = SampleText(Students).Replace("<BEE_ELEVES VERSION=\"3.0\">", doctype + "\n<BEE_ELEVES VERSION=\"3.0\">", StringComparison.Ordinal)
            .Replace("<PRENOM>Zoé</PRENOM>", "<PRENOM>&b;&secret;</PRENOM>", StringComparison.Ordinal);

        Assert.Equal(
            new SchoolExportProblem(Students, null, 2, SchoolExportProblemKind.MalformedXml,
                "Le fichier contient une déclaration DOCTYPE, refusée par sécurité (ligne 2) : les exports SIECLE et STS-Web n’en ont pas. Exportez le fichier à nouveau sans le modifier."),
            await SingleProblemAsync(Upload(Students, ToLatin9(text))));
    }

    // ---- Encodings ----------------------------------------------------------------------------------

    [Fact]
    public async Task Iso885915Bytes_WithoutDeclaration_AreAClearProblem_NotMisreadNames()
    {
        var bytes = Changed(Students, "<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n", string.Empty);

        Assert.Equal(
            new SchoolExportProblem(Students, null, 14, SchoolExportProblemKind.Encoding,
                "Le fichier ne déclare pas son encodage (ce qui vaut UTF-8) mais la ligne 14 contient l’octet 0xE9, qui n’est pas de l’UTF-8 (en ISO-8859-15, ce serait « é ») : la déclaration d’encodage est absente ou fausse. Exportez le fichier à nouveau, ou ajoutez en première ligne <?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>."),
            await SingleProblemAsync(Upload(Students, bytes)));
    }

    [Fact]
    public async Task Iso885915Bytes_DeclaredUtf8_AreAClearProblem()
    {
        Assert.Equal(
            new SchoolExportProblem(Guardians, null, 32, SchoolExportProblemKind.Encoding,
                "Le fichier déclare l’encodage « UTF-8 » mais la ligne 32 contient l’octet 0xC9, qui n’est pas de l’UTF-8 (en ISO-8859-15, ce serait « É ») : la déclaration d’encodage est absente ou fausse. Exportez le fichier à nouveau, ou remplacez la déclaration par <?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>."),
            await SingleProblemAsync(Upload(Guardians, Changed(Guardians, "encoding=\"ISO-8859-15\"", "encoding=\"UTF-8\""))));
    }

    [Fact]
    public async Task Utf8Bytes_DeclaredIso885915_AreAClearProblem_NotMojibake()
    {
        var utf8 = ToUtf8(SampleText(Students));

        Assert.Equal(
            new SchoolExportProblem(Students, null, 15, SchoolExportProblemKind.Encoding,
                "Le fichier déclare l’encodage « ISO-8859-15 » mais la ligne 15 est écrite en UTF-8 (« é » y serait lu « Ã© ») : la déclaration d’encodage est fausse. Exportez le fichier à nouveau, ou remplacez la déclaration par <?xml version=\"1.0\" encoding=\"UTF-8\"?>."),
            await SingleProblemAsync(Upload(Students, utf8)));
    }

    [Theory]
    [InlineData("Shift_JIS")]
    [InlineData("UTF-16")]
    [InlineData("x-inconnu")]
    public async Task AnEncodingNotSupported(string encoding)
    {
        Assert.Equal(
            new SchoolExportProblem(Students, null, 1, SchoolExportProblemKind.Encoding,
                $"L’encodage déclaré « {encoding} » n’est pas pris en charge : les exports SIECLE et STS-Web sont en ISO-8859-15 ou en UTF-8."),
            await SingleProblemAsync(Upload(Students, Changed(Students, "ISO-8859-15", encoding))));
    }

    [Fact]
    public async Task Utf16_IsRefused()
    {
        byte[] utf16 = [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes(SampleText(Students).Replace("ISO-8859-15", "UTF-16", StringComparison.Ordinal))];

        Assert.Equal(
            new SchoolExportProblem(Students, null, 1, SchoolExportProblemKind.Encoding,
                "Le fichier est en UTF-16 : les exports SIECLE et STS-Web sont en ISO-8859-15 ou en UTF-8. Exportez-le à nouveau sans le réenregistrer."),
            await SingleProblemAsync(Upload(Students, utf16)));
    }

    [Fact]
    public async Task AsciiDeclared_WithAccents()
    {
        Assert.Equal(
            new SchoolExportProblem(Students, null, 15, SchoolExportProblemKind.Encoding,
                "Le fichier déclare l’encodage « US-ASCII » (ASCII, sans accents) mais la ligne 15 contient l’octet 0xE9, qui n’en est pas : la déclaration d’encodage est fausse. Exportez le fichier à nouveau, ou déclarez encoding=\"ISO-8859-15\"."),
            await SingleProblemAsync(Upload(Students, Changed(Students, "ISO-8859-15", "US-ASCII"))));
    }

    [Fact]
    public async Task Iso885915Declared_AfterAUtf8Bom()
    {
        Assert.Equal(
            new SchoolExportProblem(Students, null, 1, SchoolExportProblemKind.Encoding,
                "Le fichier commence par la marque d’un fichier UTF-8 mais déclare l’encodage « ISO-8859-15 » : les deux se contredisent. Exportez-le à nouveau sans le réenregistrer."),
            await SingleProblemAsync(Upload(Students, [0xEF, 0xBB, 0xBF, .. Sample(Students)])));
    }

    // ---- Records ------------------------------------------------------------------------------------

    [Fact]
    public async Task RecordsWithoutId_BadDates_BadLevels_AndNoUaj_AreFormatProblems()
    {
        var students = ToLatin9(SampleText(Students)
            .Replace("<ELEVE ELEVE_ID=\"145778\" ELENOET=\"2643\">", "<ELEVE ELENOET=\"2643\">", StringComparison.Ordinal)
            .Replace("<DATE_NAISS>02/11/2013</DATE_NAISS>", "<DATE_NAISS>31/02/2013</DATE_NAISS>", StringComparison.Ordinal)
            .Replace("<DATE_SORTIE>19/12/2025</DATE_SORTIE>", "<DATE_SORTIE>2025-12-19</DATE_SORTIE>", StringComparison.Ordinal)
            .Replace("<UAJ>0771234Y</UAJ>", "<UAJ></UAJ>", StringComparison.Ordinal));
        var guardians = ToLatin9(SampleText(Guardians)
            .Replace("<NIVEAU_RESPONSABILITE>3</NIVEAU_RESPONSABILITE>", "<NIVEAU_RESPONSABILITE>trois</NIVEAU_RESPONSABILITE>", StringComparison.Ordinal)
            .Replace("<PERSONNE_ID>294436</PERSONNE_ID>\n        <NIVEAU_RESPONSABILITE>1</NIVEAU_RESPONSABILITE>", "<PERSONNE_ID>294436</PERSONNE_ID>", StringComparison.Ordinal)
            .Replace("<PERSONNE PERSONNE_ID=\"294437\">", "<PERSONNE>", StringComparison.Ordinal));
        var staff = Changed(Staff, "<DATE_NAISSANCE>1970-01-15</DATE_NAISSANCE>", "<DATE_NAISSANCE>15/01/1970</DATE_NAISSANCE>");

        var result = await ReadAsync(Upload(Students, students), Upload(Guardians, guardians), Upload(Staff, staff));

        Assert.Equal(
            [
                new SchoolExportProblem(Students, "ELEVE", 11, SchoolExportProblemKind.MissingId, "Élève sans attribut ELEVE_ID : le fichier est incomplet. Exportez-le à nouveau."),
                new SchoolExportProblem(Students, "ELEVE_ID=145779", 23, SchoolExportProblemKind.InvalidValue, "Date de naissance « 31/02/2013 » invalide : une date réelle au format JJ/MM/AAAA est attendue."),
                new SchoolExportProblem(Students, "ELEVE_ID=145779", 23, SchoolExportProblemKind.InvalidValue, "Date de sortie « 2025-12-19 » invalide : une date réelle au format JJ/MM/AAAA est attendue."),
                new SchoolExportProblem(Students, "UAJ", null, SchoolExportProblemKind.MissingUaj, "Le code de l’établissement (PARAMETRES/UAJ) est absent : ce n’est pas un export complet. Exportez le fichier à nouveau."),
                new SchoolExportProblem(Guardians, "PERSONNE", 29, SchoolExportProblemKind.MissingId, "Personne sans attribut PERSONNE_ID : le fichier est incomplet. Exportez-le à nouveau."),
                new SchoolExportProblem(Guardians, "ELEVE_ID=145778, PERSONNE_ID=294436", 45, SchoolExportProblemKind.InvalidValue,
                    "Lien sans NIVEAU_RESPONSABILITE (ni RESP_LEGAL des fichiers d’avant 2018) : on ne peut pas savoir si la personne est responsable légale. Exportez le fichier à nouveau."),
                new SchoolExportProblem(Guardians, "ELEVE_ID=145778, PERSONNE_ID=294437", 52, SchoolExportProblemKind.InvalidValue,
                    "NIVEAU_RESPONSABILITE « trois » invalide : un nombre est attendu (1 responsable légal, 2 personne en charge, 3 contact)."),
                new SchoolExportProblem(Staff, "INDIVIDU ID=4190", 30, SchoolExportProblemKind.InvalidValue, "Date de naissance « 15/01/1970 » invalide : une date réelle au format AAAA-MM-JJ est attendue."),
            ],
            result.Problems);
    }

    // ---- What the mapping adds (read, then mapped, as an import does) --------------------------------

    [Fact]
    public async Task AFileOfAnotherSchool_IsNamed()
    {
        var problems = await ImportProblemsAsync(Upload(Students, Sample(Students)), Upload(Guardians, Changed(Guardians, "<UAJ>0771234Y</UAJ>", "<UAJ>0770001A</UAJ>")),
            Upload(Staff, Changed(Staff, "<UAJ CODE=\"0771234Y\">", "<UAJ CODE=\"0772345Z\">")));

        Assert.Equal(
            [
                new SchoolExportProblem(Guardians, "UAJ", null, SchoolExportProblemKind.WrongSchool,
                    "Ce fichier est l’export de l’établissement 0770001A, pas de 0771234Y : importez les exports de votre établissement."),
                new SchoolExportProblem(Staff, "UAJ", null, SchoolExportProblemKind.WrongSchool,
                    "Ce fichier est l’export de l’établissement 0772345Z, pas de 0771234Y : importez les exports de votre établissement."),
            ],
            problems);
    }

    [Fact]
    public async Task EmptyNames_OfPeopleToCreate_AreProblems_ThoseOfContactsAndLeaversAreNot()
    {
        var students = ToLatin9(SampleText(Students)
            .Replace("<PRENOM>Zoé</PRENOM>", "<PRENOM> </PRENOM>", StringComparison.Ordinal)
            .Replace("<NOM_USAGE>LEFÈVRE</NOM_USAGE>", "<NOM_USAGE/>", StringComparison.Ordinal)
            .Replace("<NOM_DE_FAMILLE>DURAND</NOM_DE_FAMILLE>", "<NOM_DE_FAMILLE/>", StringComparison.Ordinal)); // Noé has left
        var guardians = ToLatin9(SampleText(Guardians)
            .Replace("<NOM_DE_FAMILLE>MARTIN</NOM_DE_FAMILLE>\n        <PRENOM>Paul</PRENOM>", "<NOM_DE_FAMILLE>--</NOM_DE_FAMILLE>\n        <PRENOM>Paul</PRENOM>", StringComparison.Ordinal)
            .Replace("<PRENOM>Édith</PRENOM>", "<PRENOM></PRENOM>", StringComparison.Ordinal)); // Édith is a contact
        var staff = Changed(Staff, "<PRENOM>MELANIE</PRENOM>", "<PRENOM/>");

        var problems = await ImportProblemsAsync(Upload(Students, students), Upload(Guardians, guardians), Upload(Staff, staff));

        Assert.Equal(
            [
                new SchoolExportProblem(Students, "ELEVE_ID=145778", 11, SchoolExportProblemKind.EmptyName, "Le prénom est vide : un compte ne peut pas être créé sans lui."),
                new SchoolExportProblem(Guardians, "PERSONNE_ID=294436", 22, SchoolExportProblemKind.EmptyName,
                    "Le nom « -- » ne contient aucune lettre utilisable pour l’identifiant (prénom.nom)."),
                new SchoolExportProblem(Staff, "INDIVIDU ID=3506", 39, SchoolExportProblemKind.EmptyName, "Le prénom est vide : un compte ne peut pas être créé sans lui."),
            ],
            problems);
    }

    [Fact]
    public async Task ALinkToAStudentTheStudentsFileDoesNotHave()
    {
        var guardians = Changed(Guardians, "<ELEVE_ID>145778</ELEVE_ID>\n        <PERSONNE_ID>294436</PERSONNE_ID>", "<ELEVE_ID>999999</ELEVE_ID>\n        <PERSONNE_ID>294436</PERSONNE_ID>");

        var problems = await ImportProblemsAsync(Upload(Students, Sample(Students)), Upload(Guardians, guardians));

        Assert.Equal(
            [new SchoolExportProblem(Guardians, "ELEVE_ID=999999, PERSONNE_ID=294436", 45, SchoolExportProblemKind.UnknownStudent,
                "Lien vers l’élève ELEVE_ID=999999, absent du fichier des élèves « ElevesSansAdresses.xml » : exportez les deux fichiers le même jour.")],
            problems);
    }

    [Fact]
    public async Task WithoutTheStudentsFile_LinksCannotBeChecked_AndTheChildrenAreKeptForTheAccountsToTell()
    {
        var guardians = Changed(Guardians, "<ELEVE_ID>145778</ELEVE_ID>\n        <PERSONNE_ID>294436</PERSONNE_ID>", "<ELEVE_ID>999999</ELEVE_ID>\n        <PERSONNE_ID>294436</PERSONNE_ID>");

        var plan = SchoolExportMapper.Map(await ReadAsync(Upload(Guardians, guardians)), School, ExportDay);

        Assert.True(plan.IsValid, string.Join(Environment.NewLine, plan.Problems));
        Assert.Equal([ExportFileKind.Guardians], plan.Kinds);
        Assert.Equal(["siecle:personne:"], plan.ExternalIdPrefixes);
        Assert.Equal(
            ["siecle:personne:294435|Parent|Claire|MARTIN|||claire.martin@example.org|0600000000|siecle:eleve:145778",
             "siecle:personne:294436|Parent|Paul|MARTIN||||0700000000|siecle:eleve:999999"],
            plan.People.Select(SchoolExportReaderTests.Describe));
    }

    [Fact]
    public async Task ALinkToAPersonTheFileDoesNotHave_AndTheSameStudentTwice()
    {
        var students = Changed(Students, "ELEVE_ID=\"145779\" ELENOET=\"2644\">", "ELEVE_ID=\"145778\" ELENOET=\"2644\">");
        var guardians = Changed(Guardians, "<PERSONNE_ID>294437</PERSONNE_ID>", "<PERSONNE_ID>1</PERSONNE_ID>");

        var problems = await ImportProblemsAsync(Upload(Students, students), Upload(Guardians, guardians));

        Assert.Equal(
            [
                new SchoolExportProblem(Students, "ELEVE_ID=145778", 23, SchoolExportProblemKind.DuplicateId,
                    "L’élève ELEVE_ID=145778 apparaît deux fois (lignes 11 et 23) : le fichier est incohérent, exportez-le à nouveau."),
                new SchoolExportProblem(Guardians, "ELEVE_ID=145778, PERSONNE_ID=1", 53, SchoolExportProblemKind.UnknownGuardian,
                    "Lien vers la personne PERSONNE_ID=1, absente de la liste des personnes (PERSONNES) du fichier."),
            ],
            problems);
    }

    [Fact]
    public async Task EveryProblemOfEveryFile_IsListedAtOnce()
    {
        var students = Sample(Students)[..900]; // truncated
        var guardians = Changed(Guardians, "<UAJ>0771234Y</UAJ>", "<UAJ>0770001A</UAJ>");
        var staff = Changed(Staff, "<NOM_USAGE>ROUX</NOM_USAGE>\n        <NOM_PATRONYMIQUE>ROUX</NOM_PATRONYMIQUE>", "<NOM_USAGE/>");

        var problems = await ImportProblemsAsync(Upload(Students, students), Upload(Guardians, guardians), Upload(Staff, staff));

        Assert.Equal(
            [
                (Students, (string?)null, SchoolExportProblemKind.Truncated),
                (Guardians, "UAJ", SchoolExportProblemKind.WrongSchool),
                (Staff, "INDIVIDU ID=4190", SchoolExportProblemKind.EmptyName),
            ],
            problems.Select(p => (p.File, p.Element, p.Kind)));
        // The students file stopped early: its students are not all known, so links to them are not judged.
        Assert.DoesNotContain(problems, p => p.Kind == SchoolExportProblemKind.UnknownStudent);
    }
}
