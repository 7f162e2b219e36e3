using System.Net;
using System.Text;
using System.Text.Json;
using Ent77.FunctionalTests.Infrastructure;
using static Ent77.FunctionalTests.Infrastructure.SchoolExportFiles;

namespace Ent77.FunctionalTests;

/// <summary>
/// Every kind of bad SIECLE / STS-Web upload answers a French 400 that names the file and the element, and writes nothing
/// (docs/IMPORTS.md). The caps are small here so that the exact-size matrix stays quick.
/// </summary>
public sealed class SchoolExportBadInputTests : FunctionalTest
{
    private const string Uai = Ent77Factory.Uai;
    private const int Cap = 16 * 1024;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["SchoolExports:MaxFileBytes"] = Cap.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SchoolExports:MaxTotalBytes"] = (3 * Cap).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public static TheoryData<string> Kinds() =>
        ["OtherSchool", "UnknownRoot", "ZipWithSomethingElse", "Truncated", "Malformed", "DeclaredUtf8ButLatin9", "NoDeclarationButLatin9",
         "EmptyName", "GuardianOfUnknownStudent", "OverTheCap", "ZipBomb"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task BadUpload_Is400NamingFileAndElement_AndWritesNothing(string kind)
    {
        var admin = await Factory.SignInAdministratorAsync(Uai, "Claire", "Lemoine");
        var (files, file, element, problemKind) = Case(kind);
        var before = await Factory.CountStoredAsync();

        var response = await admin.Client.ImportExportsAsync(Uai, null, files);

        var problems = await AssertRefusedAsync(response);
        var problem = Assert.Single(problems, p => p.Kind == problemKind);
        Assert.StartsWith(file, problem.File, StringComparison.Ordinal);
        Assert.Equal(element, problem.Element);
        Assert.Equal(before, await Factory.CountStoredAsync());
    }

    [Theory]
    [InlineData(Cap, false, HttpStatusCode.OK)]
    [InlineData(Cap + 1, false, HttpStatusCode.BadRequest)]
    [InlineData(Cap, true, HttpStatusCode.OK)]
    [InlineData(Cap + 1, true, HttpStatusCode.BadRequest)]
    public async Task TheSizeCap_IsExact_PlainOrZipped(int size, bool zipped, HttpStatusCode expected)
    {
        var admin = await Factory.SignInAdministratorAsync(Uai, "Claire", "Lemoine");
        var xml = PadTo(Students(Uai, ("1", "MARTIN", "Zoé", "6A", null)).Content, size);
        (string, byte[]) file = zipped ? ("export.zip", Zip(("ElevesSansAdresses.xml", xml))) : ("ElevesSansAdresses.xml", xml);

        var response = await admin.Client.ImportExportsAsync(Uai, null, file);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.BadRequest)
        {
            var problem = Assert.Single(await AssertRefusedAsync(response));
            Assert.Equal("TooLarge", problem.Kind);
        }
    }

    [Fact]
    public async Task AnUnknownSource_Is400()
    {
        var admin = await Factory.SignInAdministratorAsync(Uai, "Claire", "Lemoine");

        var response = await admin.Client.PostAsync(AdminHelpers.ImportPath(Uai, "source=pronote"), new MultipartFormDataContent());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("source", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static ((string, byte[])[] Files, string File, string? Element, string Kind) Case(string kind)
    {
        var students = Students(Uai, ("1", "MARTIN", "Zoé", "6A", null));
        var text = Latin9.GetString(students.Content);
        return kind switch
        {
            "OtherSchool" => ([Students("0770002F", ("1", "MARTIN", "Zoé", "6A", null))], "ElevesSansAdresses.xml", "UAJ", "WrongSchool"),
            "UnknownRoot" => ([("notes.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><NOTES><UAJ>0771234Y</UAJ></NOTES>"))], "notes.xml", "NOTES", "UnknownRoot"),
            "ZipWithSomethingElse" => ([("export.zip", Zip(students, ("lisez-moi.txt", Encoding.UTF8.GetBytes("bonjour"))))], "export.zip", null, "UnexpectedArchiveEntry"),
            "Truncated" => ([("ElevesSansAdresses.xml", students.Content[..(students.Content.Length / 2)])], "ElevesSansAdresses.xml", null, "Truncated"),
            "Malformed" => ([("ElevesSansAdresses.xml", Latin9.GetBytes(text.Replace("</PRENOM>", "</PRENOMS>", StringComparison.Ordinal)))], "ElevesSansAdresses.xml", null, "MalformedXml"),
            "DeclaredUtf8ButLatin9" => ([("ElevesSansAdresses.xml", Latin9.GetBytes(text.Replace("ISO-8859-15", "UTF-8", StringComparison.Ordinal)))], "ElevesSansAdresses.xml", null, "Encoding"),
            "NoDeclarationButLatin9" => ([("ElevesSansAdresses.xml", Latin9.GetBytes(text[(text.IndexOf("?>", StringComparison.Ordinal) + 2)..]))], "ElevesSansAdresses.xml", null, "Encoding"),
            "EmptyName" => ([Students(Uai, ("1", "MARTIN", "", "6A", null))], "ElevesSansAdresses.xml", "ELEVE_ID=1", "EmptyName"),
            "GuardianOfUnknownStudent" => ([students, Guardians(Uai, [("10", "MARTIN", "Claire")], ("9", "10"))], "ResponsablesSansAdresses.xml", "ELEVE_ID=9, PERSONNE_ID=10", "UnknownStudent"),
            "OverTheCap" => ([("ElevesSansAdresses.xml", PadTo(students.Content, Cap + 1))], "ElevesSansAdresses.xml", null, "TooLarge"),
            "ZipBomb" => ([("export.zip", Zip(("ElevesSansAdresses.xml", PadTo(students.Content, 1000 * Cap))))], "export.zip", null, "TooLarge"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
    }

    /// <summary>The XML followed by spaces up to exactly <paramref name="size"/> bytes (white space may follow the root element).</summary>
    private static byte[] PadTo(byte[] xml, int size) => [.. xml, .. Enumerable.Repeat((byte)' ', size - xml.Length)];

    private static async Task<List<(string File, string? Element, string Kind, string Reason)>> AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Les fichiers comportent des erreurs : rien n’a été importé.", json.RootElement.GetProperty("title").GetString());
        var messages = json.RootElement.GetProperty("errors").GetProperty("fichier").EnumerateArray().Select(m => m.GetString()!).ToList();
        var problems = json.RootElement.GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("file").GetString()!, p.GetProperty("element").GetString(), p.GetProperty("kind").GetString()!, p.GetProperty("reason").GetString()!))
            .ToList();
        Assert.Equal(problems.Count, messages.Count);
        Assert.All(messages, m => Assert.StartsWith("« ", m, StringComparison.Ordinal));
        return problems;
    }
}
