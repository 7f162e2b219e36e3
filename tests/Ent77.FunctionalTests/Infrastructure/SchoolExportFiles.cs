using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;

namespace Ent77.FunctionalTests.Infrastructure;

/// <summary>
/// Small SIECLE and STS-Web exports written by the tests (ISO-8859-15 as the national tools write them), and their upload
/// to <c>POST …/imports?source=siecle</c>.
/// </summary>
public static class SchoolExportFiles
{
    public static readonly Encoding Latin9 = Latin9Encoding();

    public static string SamplePath(string name) => Path.Combine(AppContext.BaseDirectory, "SchoolExports", "Samples", name);

    public static (string Name, byte[] Content) Sample(string name) => (name, File.ReadAllBytes(SamplePath(name)));

    /// <summary>A students file: (ELEVE_ID, last name, first name, division, DATE_SORTIE or null).</summary>
    public static (string Name, byte[] Content) Students(string uai, params (string Id, string Last, string First, string Division, string? Left)[] students)
    {
        var root = new XElement("BEE_ELEVES", new XAttribute("VERSION", "3.0"),
            new XElement("PARAMETRES", new XElement("UAJ", uai), new XElement("ANNEE_SCOLAIRE", "2026")),
            new XElement("DONNEES",
                new XElement("ELEVES", students.Select(s => new XElement("ELEVE", new XAttribute("ELEVE_ID", s.Id), new XAttribute("ELENOET", s.Id),
                    new XElement("NOM_DE_FAMILLE", s.Last), new XElement("NOM_USAGE", string.Empty), new XElement("PRENOM", s.First),
                    new XElement("DATE_NAISS", "14/03/2014"), s.Left is null ? null : new XElement("DATE_SORTIE", s.Left)))),
                new XElement("STRUCTURES", students.Select(s => new XElement("STRUCTURES_ELEVE", new XAttribute("ELEVE_ID", s.Id),
                    new XElement("STRUCTURE", new XElement("CODE_STRUCTURE", s.Division), new XElement("TYPE_STRUCTURE", "D")))))));
        return ("ElevesSansAdresses.xml", Write(root));
    }

    /// <summary>A guardians file: persons (PERSONNE_ID, last, first) and level-1 links (ELEVE_ID, PERSONNE_ID).</summary>
    public static (string Name, byte[] Content) Guardians(
        string uai, (string Id, string Last, string First)[] persons, params (string StudentId, string PersonId)[] links)
    {
        var root = new XElement("BEE_RESPONSABLES",
            new XElement("PARAMETRES", new XElement("UAJ", uai)),
            new XElement("DONNEES",
                new XElement("PERSONNES", persons.Select(p => new XElement("PERSONNE", new XAttribute("PERSONNE_ID", p.Id),
                    new XElement("NOM_DE_FAMILLE", p.Last), new XElement("PRENOM", p.First)))),
                new XElement("RESPONSABLES", links.Select(l => new XElement("RESPONSABLE_ELEVE",
                    new XElement("ELEVE_ID", l.StudentId), new XElement("PERSONNE_ID", l.PersonId), new XElement("NIVEAU_RESPONSABILITE", "1"))))));
        return ("ResponsablesSansAdresses.xml", Write(root));
    }

    public static byte[] Write(XElement root)
    {
        using var output = new MemoryStream();
        using (var writer = new StreamWriter(output, Latin9, leaveOpen: true))
        {
            writer.Write("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?>\n");
            writer.Write(root.ToString());
        }

        return output.ToArray();
    }

    private static Encoding Latin9Encoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("ISO-8859-15");
    }

    public static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
                stream.Write(content);
            }
        }

        return output.ToArray();
    }

    /// <summary>Posts the files in a multipart form, each in a field of its own name.</summary>
    public static Task<HttpResponseMessage> ImportExportsAsync(this HttpClient client, string uai, string? query, params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        var field = 0;
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".zip", StringComparison.Ordinal) ? "application/zip" : "text/xml");
            form.Add(part, $"fichier{++field}", name);
        }

        return client.PostAsync(AdminHelpers.ImportPath(uai, "source=siecle" + (query is null ? string.Empty : "&" + query)), form);
    }

    public static async Task<ImportAnswer> ImportExportsOkAsync(this Member admin, string uai, string? query, params (string Name, byte[] Content)[] files) =>
        (await AdminHelpers.ReadOkAsync<ImportAnswer>(await admin.Client.ImportExportsAsync(uai, query, files))).Watch(admin.Factory);
}
