using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using Ent77.Application.Administration.SchoolExports;
using Microsoft.Extensions.Options;

namespace Ent77.Infrastructure.Administration.SchoolExports;

/// <summary>
/// Reads SIECLE and STS-Web exports (docs/IMPORTS.md) with a forward-only <see cref="XmlReader"/>: never a document
/// tree, no DTD (refused), no external resolution. Each upload is first copied into memory, read asynchronously (a
/// request body may not be read synchronously) and at most one byte past the cap; the XML is then read synchronously
/// from memory (an asynchronous reader costs per node and buys nothing there). Each upload is sniffed: a zip (its
/// entries read in turn, each an XML export) or an XML file, recognised by its root element. Bytes flow through
/// <see cref="BoundedReadStream"/> (the size caps of <see cref="SchoolExportOptions"/>, counted on the bytes
/// actually read, never on what a zip header claims) and <see cref="EncodingCheckStream"/> (the declared encoding)
/// before they are decoded. A broken file stops with one problem and the others are still read, so that every
/// problem of the upload is reported at once.
/// </summary>
public sealed class XmlSchoolExportReader : ISchoolExportReader
{
    /// <summary>One to three files: students, guardians, staff (docs/IMPORTS.md).</summary>
    public const int MaxFiles = 3;

    private const string ArchiveSeparator = " › ";

    private readonly SchoolExportOptions _options;
    private readonly XmlReaderSettings _settings;

    public XmlSchoolExportReader(IOptions<SchoolExportOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxFileBytes, "SchoolExports:MaxFileBytes");
        ArgumentOutOfRangeException.ThrowIfGreaterThan(_options.MaxFileBytes, Array.MaxLength - 1L, "SchoolExports:MaxFileBytes"); // an upload is held in memory
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxTotalBytes, "SchoolExports:MaxTotalBytes");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.MaxArchiveEntries, "SchoolExports:MaxArchiveEntries");
        _settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
            CheckCharacters = true,
            MaxCharactersFromEntities = 1024,
            MaxCharactersInDocument = _options.MaxFileBytes, // one byte is at most one character in the supported encodings
        };
    }

    public async Task<SchoolExportReadResult> ReadAsync(IReadOnlyList<SchoolExportFile> files, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(files);
        var collector = new ExportCollector();
        if (files.Count == 0)
        {
            collector.Problem(string.Empty, null, null, SchoolExportProblemKind.NoFile,
                "Aucun fichier reçu : joignez les exports des élèves, des responsables et/ou de STS-Web (fichiers XML, ou le zip qui les contient).");
            return collector.ToResult();
        }

        if (files.Count > MaxFiles)
        {
            collector.Problem(string.Empty, null, null, SchoolExportProblemKind.TooManyFiles,
                $"{files.Count} fichiers reçus : un import en accepte au plus {MaxFiles} (élèves, responsables, STS-Web), ou un zip qui les contient.");
            return collector.ToResult();
        }

        var budget = new ExportByteBudget(_options.MaxTotalBytes,
            $"Les fichiers dépassent ensemble, une fois décompressés, la taille maximale de {Size(_options.MaxTotalBytes)} : importez-les en plusieurs fois.");
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            ArgumentNullException.ThrowIfNull(file);
            await ReadUploadAsync(DisplayName(file.Name, i), file.Content, budget, collector, cancellationToken).ConfigureAwait(false);
        }

        return collector.ToResult();
    }

    private async Task ReadUploadAsync(string name, Stream content, ExportByteBudget budget, ExportCollector collector, CancellationToken cancellationToken)
    {
        var tooLarge = $"Le fichier dépasse la taille maximale de {Size(_options.MaxFileBytes)} : est-ce bien un export SIECLE ou STS-Web ?";
        if (content.CanSeek && content.Length - content.Position > _options.MaxFileBytes)
        {
            collector.Problem(name, null, null, SchoolExportProblemKind.TooLarge, tooLarge);
            return;
        }

        var upload = await CopyAsync(content, cancellationToken).ConfigureAwait(false);
        ReadUpload(name, upload, tooLarge, budget, collector, cancellationToken);
    }

    /// <summary>
    /// The upload's bytes, read asynchronously (a request body may not be read synchronously) into memory, where the
    /// XML is then read synchronously: at most one byte past <see cref="SchoolExportOptions.MaxFileBytes"/>, which proves
    /// the file too long (a stream that claims its length gets a buffer of that length, others one that grows).
    /// </summary>
    private async Task<ArraySegment<byte>> CopyAsync(Stream content, CancellationToken cancellationToken)
    {
        var max = _options.MaxFileBytes + 1;
        var buffer = new byte[content.CanSeek ? Math.Max(0, content.Length - content.Position) + 1 : Math.Min(64 * 1024, max)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length == max)
                {
                    break;
                }

                Array.Resize(ref buffer, (int)Math.Min(max, 2L * buffer.Length));
            }

            var read = await content.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return new ArraySegment<byte>(buffer, 0, length);
    }

    /// <summary>
    /// Sniffs an upload in memory: a zip, or else an XML export. A file over the cap holds one byte more than the cap:
    /// a zip is then refused at once; an XML file is read up to the cap, as it would have been had it been read as it
    /// came, and refused there.
    /// </summary>
    private void ReadUpload(string name, ArraySegment<byte> upload, string tooLarge, ExportByteBudget budget, ExportCollector collector, CancellationToken cancellationToken)
    {
        using var bytes = new MemoryStream(upload.Array!, upload.Offset, upload.Count, writable: false);
        if (IsZip(upload.AsSpan()))
        {
            if (upload.Count > _options.MaxFileBytes)
            {
                collector.Problem(name, null, null, SchoolExportProblemKind.TooLarge, tooLarge);
                return;
            }

            ReadArchive(name, bytes, budget, collector, cancellationToken);
            return;
        }

        ReadXml(name, new BoundedReadStream(bytes, _options.MaxFileBytes, tooLarge, budget), inArchive: false, collector, cancellationToken);
    }

    /// <summary>
    /// A zip (in memory: the archive needs to seek) has each entry read as an XML export through the caps. Folders and
    /// the metadata macOS adds (<c>__MACOSX/</c>, <c>.DS_Store</c>) are not files of the export and are passed over.
    /// </summary>
    private void ReadArchive(string name, MemoryStream upload, ExportByteBudget budget, ExportCollector collector, CancellationToken cancellationToken)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(upload, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null);
        }
        catch (InvalidDataException)
        {
            collector.Problem(name, null, null, SchoolExportProblemKind.CorruptArchive,
                "L’archive zip est illisible ou endommagée : créez-la à nouveau, ou déposez directement les fichiers XML.");
            return;
        }

        using (archive)
        {
            if (archive.Entries.Count > _options.MaxArchiveEntries)
            {
                collector.Problem(name, null, null, SchoolExportProblemKind.TooManyArchiveEntries,
                    $"L’archive contient {archive.Entries.Count} éléments : au plus {_options.MaxArchiveEntries} sont acceptés (un export tient en trois fichiers).");
                return;
            }

            var entries = archive.Entries.Where(e => !IsNotAFile(e)).ToList();
            if (entries.Count == 0)
            {
                collector.Problem(name, null, null, SchoolExportProblemKind.Empty, "L’archive ne contient aucun fichier.");
                return;
            }

            foreach (var entry in entries)
            {
                ReadEntry(name + ArchiveSeparator + Shown(entry.FullName), entry, budget, collector, cancellationToken);
            }
        }
    }

    private void ReadEntry(string name, ZipArchiveEntry entry, ExportByteBudget budget, ExportCollector collector, CancellationToken cancellationToken)
    {
        var tooLarge = $"Une fois décompressé, le fichier dépasse la taille maximale de {Size(_options.MaxFileBytes)} : est-ce bien un export SIECLE ou STS-Web ?";
        if (entry.Length > _options.MaxFileBytes)
        {
            collector.Problem(name, null, null, SchoolExportProblemKind.TooLarge, tooLarge); // a claim of too much is believed; a claim of little is not
            return;
        }

        Stream stream;
        try
        {
            stream = entry.Open();
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or IOException)
        {
            collector.Problem(name, null, null, SchoolExportProblemKind.CorruptArchive,
                "Ce fichier de l’archive ne peut pas être décompressé (archive endommagée, chiffrée ou d’un format non pris en charge) : créez l’archive à nouveau, ou déposez directement les fichiers XML.");
            return;
        }

        using (stream)
        {
            ReadXml(name, new BoundedReadStream(stream, _options.MaxFileBytes, tooLarge, budget), inArchive: true, collector, cancellationToken);
        }
    }

    private void ReadXml(string name, Stream source, bool inArchive, ExportCollector collector, CancellationToken cancellationToken)
    {
        ExportFileParser? parser = null;
        EncodingCheckStream? bytes = null;
        byte[] head = [];
        var complete = false;
        try
        {
            head = PrefixedStream.ReadHead(source, XmlDeclaration.HeadLength);
            var declaration = XmlDeclaration.Read(head);
            if (declaration.Problem is not null)
            {
                collector.Problem(name, null, 1, SchoolExportProblemKind.Encoding, declaration.Problem);
                return;
            }

            if (!CheckHead(name, head, inArchive, collector))
            {
                return;
            }

            bytes = new EncodingCheckStream(new PrefixedStream(head.AsMemory(declaration.BomLength), source), declaration);
            using var text = new StreamReader(bytes, declaration.Encoding!, detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024, leaveOpen: true);
            using var reader = XmlReader.Create(text, _settings);
            reader.MoveToContent();
            parser = ParserFor(name, reader.LocalName, collector);
            if (parser is null)
            {
                collector.Problem(name, reader.LocalName, ExportXml.Line(reader), SchoolExportProblemKind.UnknownRoot,
                    $"Ce fichier XML n’est pas un export reconnu (élément racine « {reader.LocalName} ») : sont attendus les exports BEE_ELEVES (élèves), BEE_RESPONSABLES (responsables) de SIECLE et STS_EDT de STS-Web.");
                return;
            }

            var earlier = collector.Files.FirstOrDefault(f => f.Kind == parser.Kind);
            if (earlier is not null)
            {
                collector.Problem(name, reader.LocalName, ExportXml.Line(reader), SchoolExportProblemKind.TooManyFiles,
                    $"Un deuxième export {reader.LocalName} a été reçu, après « {earlier.Name} » : déposez un seul export de chaque sorte.");
                parser = null;
                return;
            }

            parser.Parse(reader, cancellationToken);
            complete = true;
        }
        catch (ExportReadException e)
        {
            collector.Problem(name, null, e.Line, e.Kind, e.Message);
        }
        catch (XmlException e)
        {
            var (kind, line, reason) = XmlProblem(e, bytes, head, parser?.LastRecord);
            collector.Problem(name, null, line, kind, reason);
        }
        catch (InvalidDataException)
        {
            collector.Problem(name, null, null, SchoolExportProblemKind.CorruptArchive,
                "Ce fichier de l’archive ne peut pas être décompressé jusqu’au bout (archive endommagée) : créez l’archive à nouveau, ou déposez directement les fichiers XML.");
        }
        finally
        {
            parser?.Finish(complete);
        }
    }

    /// <summary>Whether the first bytes can be an XML export; if not, the problem is recorded.</summary>
    private static bool CheckHead(string name, byte[] head, bool inArchive, ExportCollector collector)
    {
        if (head.Length == 0)
        {
            collector.Problem(name, null, null, SchoolExportProblemKind.Empty, "Le fichier est vide.");
            return false;
        }

        if (inArchive && IsZip(head))
        {
            collector.Problem(name, null, null, SchoolExportProblemKind.UnexpectedArchiveEntry,
                "L’archive contient une autre archive : décompressez-la, ou déposez directement les fichiers XML.");
            return false;
        }

        if (!XmlDeclaration.StartsWithMarkup(head))
        {
            collector.Problem(name, null, null, inArchive ? SchoolExportProblemKind.UnexpectedArchiveEntry : SchoolExportProblemKind.NotAnExport,
                inArchive
                    ? "L’archive contient un fichier qui n’est pas un export XML : elle ne doit contenir que les exports des élèves, des responsables et de STS-Web."
                    : "Ce fichier n’est ni un export XML ni une archive zip : déposez les fichiers XML exportés de SIECLE (BEE) ou de STS-Web, ou le zip qui les contient.");
            return false;
        }

        return true;
    }

    private static ExportFileParser? ParserFor(string name, string root, ExportCollector collector) => root switch
    {
        "BEE_ELEVES" => new StudentsFileParser(name, collector),
        "BEE_RESPONSABLES" => new GuardiansFileParser(name, collector),
        "STS_EDT" => new StaffFileParser(name, collector),
        _ => null,
    };

    /// <summary>
    /// A DOCTYPE (refused: an export never has one, and it is how entity bombs and external entities come in), a file
    /// that stops before its end (the error is on the last line, once every byte was read), or malformed XML.
    /// </summary>
    private static (SchoolExportProblemKind Kind, int Line, string Reason) XmlProblem(XmlException e, EncodingCheckStream? bytes, byte[] head, string? lastRecord)
    {
        var doctype = XmlDeclaration.DoctypeLine(head);
        if (doctype is { } doctypeLine)
        {
            return (SchoolExportProblemKind.MalformedXml, doctypeLine, string.Create(CultureInfo.InvariantCulture,
                $"Le fichier contient une déclaration DOCTYPE, refusée par sécurité (ligne {doctypeLine}) : les exports SIECLE et STS-Web n’en ont pas. Exportez le fichier à nouveau sans le modifier."));
        }

        var after = lastRecord is null ? string.Empty : $" (dernier élément lu : {lastRecord})";
        return bytes is { ReachedEnd: true } && e.LineNumber >= bytes.Line
            ? (SchoolExportProblemKind.Truncated, e.LineNumber, string.Create(CultureInfo.InvariantCulture,
                $"Le fichier s’arrête avant la fin du XML (ligne {e.LineNumber}){after} : il est tronqué. Exportez-le ou téléchargez-le à nouveau."))
            : (SchoolExportProblemKind.MalformedXml, e.LineNumber, string.Create(CultureInfo.InvariantCulture,
                $"Le XML est mal formé ligne {e.LineNumber}, colonne {e.LinePosition}{after} : le fichier ne peut pas être lu. Exportez-le à nouveau sans le modifier."));
    }

    private static bool IsZip(ReadOnlySpan<byte> head) =>
        head.StartsWith("PK\x03\x04"u8) || head.StartsWith("PK\x05\x06"u8);

    private static bool IsNotAFile(ZipArchiveEntry entry) =>
        entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\')
        || entry.FullName.StartsWith("__MACOSX/", StringComparison.Ordinal)
        || entry.Name == ".DS_Store";

    /// <summary>The name an uploaded file is shown under: the last part of what the browser sent (<see cref="Shown"/>), or its rank.</summary>
    private static string DisplayName(string? sent, int index)
    {
        var name = (sent ?? string.Empty).Replace('\\', '/');
        name = Shown(name[(name.LastIndexOf('/') + 1)..]);
        return name.Length > 0 ? name : string.Create(CultureInfo.InvariantCulture, $"fichier {index + 1}");
    }

    /// <summary>A name as problems show it: without control characters, trimmed, at most 100 characters.</summary>
    private static string Shown(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (!char.IsControl(c))
            {
                builder.Append(c);
            }
        }

        var shown = builder.ToString().Trim();
        return shown.Length > 100 ? shown[..100] + "…" : shown;
    }

    private static string Size(long bytes) =>
        bytes % (1024 * 1024) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} Mio")
        : bytes % 1024 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} Kio")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} octets");
}
