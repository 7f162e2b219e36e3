using System.IO.Compression;
using System.Text;
using Ent77.Application.Administration.SchoolExports;
using Ent77.Infrastructure.Administration.SchoolExports;
using Microsoft.Extensions.Options;

namespace Ent77.Infrastructure.Tests.SchoolExports;

/// <summary>The sample exports (copied byte for byte from ../shared/formats), and ways to build uploads from them.</summary>
internal static class ExportFiles
{
    public const string Students = "ElevesSansAdresses.xml";
    public const string Guardians = "ResponsablesAvecAdresses.xml";
    public const string Staff = "sts_emp_0771234Y_2026.xml";

    public const long DefaultMaxFileBytes = 32L * 1024 * 1024;

    public static readonly Encoding Latin9 = LoadLatin9();

    public static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "SchoolExports", "Samples", name));

    /// <summary>A sample as text, to be changed and encoded again.</summary>
    public static string SampleText(string name) => Latin9.GetString(Sample(name));

    public static byte[] ToLatin9(string text) => Latin9.GetBytes(text);

    public static byte[] ToUtf8(string text) => new UTF8Encoding(false).GetBytes(text);

    public static SchoolExportFile Upload(string name, byte[] content) => new(name, new MemoryStream(content, writable: false));

    public static SchoolExportFile[] Samples() => [Upload(Students, Sample(Students)), Upload(Guardians, Sample(Guardians)), Upload(Staff, Sample(Staff))];

    public static XmlSchoolExportReader Reader(long maxFileBytes = DefaultMaxFileBytes, long maxTotalBytes = 2 * DefaultMaxFileBytes, int maxArchiveEntries = 10) =>
        new(Options.Create(new SchoolExportOptions { MaxFileBytes = maxFileBytes, MaxTotalBytes = maxTotalBytes, MaxArchiveEntries = maxArchiveEntries }));

    public static Task<SchoolExportReadResult> ReadAsync(params SchoolExportFile[] files) =>
        Reader().ReadAsync(files, TestContext.Current.CancellationToken);

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

    private static Encoding LoadLatin9()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(28605, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
