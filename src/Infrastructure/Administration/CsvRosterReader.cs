using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using Ent77.Application.Administration;
using Ent77.Domain.Accounts;
using Ent77.Domain.Common;
using Microsoft.Extensions.Options;

namespace Ent77.Infrastructure.Administration;

/// <summary>
/// Reads a school's roster CSV, format only (docs/DOMAIN.md "Roster import"). The body is read whole, up to
/// <see cref="RosterOptions.MaxBytes"/>, then: encoding (UTF-8 with or without BOM, else Windows-1252; UTF-16,
/// NUL bytes and bytes Windows-1252 leaves undefined are refused), separator (the most frequent of
/// <c>;</c> <c>,</c> and tab outside quotes on the header line), headers (French or English names, case,
/// accents, spaces, hyphens, underscores and apostrophes ignored; unknown columns ignored) and then the cells of every
/// line, unjudged: <see cref="RosterValidator"/> checks them. Blank lines, and lines whose cells are all empty, are skipped.
/// Line numbers are physical lines of the file (the header is line 1 when the file starts with it).
/// </summary>
public sealed class CsvRosterReader : IRosterReader
{
    /// <summary>The column of the errors that concern the whole file.</summary>
    public const string FileColumn = RosterColumns.File;

    private static readonly Encoding Windows1252 = LoadWindows1252();

    private static readonly SearchValues<byte> BlankBytes = SearchValues.Create(" \t\r\n"u8);
    private static readonly SearchValues<byte> UndefinedInWindows1252 = SearchValues.Create([0x81, 0x8D, 0x8F, 0x90, 0x9D]);

    private static readonly Column[] Columns =
    [
        new(Field.LastName, RosterColumns.LastName, Required: true, ["Nom", "Nom de famille", "LastName", "Last name", "Surname"]),
        new(Field.FirstName, RosterColumns.FirstName, Required: true, ["Prénom", "FirstName", "First name"]),
        new(Field.Profile, RosterColumns.Profile, Required: true, ["Profil", "Profile"]),
        new(Field.ClassName, RosterColumns.ClassName, Required: false, ["Classe", "Class", "ClassName"]),
        new(Field.BirthDate, RosterColumns.BirthDate, Required: false, ["Date de naissance", "BirthDate", "Birth date", "DateOfBirth"]),
        new(Field.ExternalId, RosterColumns.ExternalId, Required: false, ["Identifiant externe", "ExternalId", "External id", "Id externe"]),
        new(Field.Children, RosterColumns.Children, Required: false, ["Enfants", "Children"]),
    ];

    /// <summary>Header keys (<see cref="TextNormalization.Key"/>) to the column they name.</summary>
    private static readonly FrozenDictionary<string, Column> ColumnsByKey =
        Columns.SelectMany(c => c.Names, (c, name) => (Key: TextNormalization.Key(name), Column: c)).DistinctBy(p => p.Key).ToFrozenDictionary(p => p.Key, p => p.Column, StringComparer.Ordinal);

    private readonly int _maxBytes;
    private readonly int _maxRows;

    public CsvRosterReader(IOptions<RosterOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value.MaxBytes, "Roster:MaxBytes");
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value.MaxBytes, Array.MaxLength, "Roster:MaxBytes");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value.MaxRows, "Roster:MaxRows");
        _maxBytes = value.MaxBytes;
        _maxRows = value.MaxRows;
    }

    private enum Field
    {
        LastName,
        FirstName,
        Profile,
        ClassName,
        BirthDate,
        ExternalId,
        Children,
    }

    public async Task<RosterFile> ReadAsync(Stream csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var (buffer, length) = await ReadBoundedAsync(csv, cancellationToken).ConfigureAwait(false);
        if (buffer is null)
        {
            return Failure(0, FileColumn, $"Le fichier dépasse la taille maximale de {Size(_maxBytes)} : découpez-le en plusieurs fichiers.");
        }

        return Read(buffer.AsMemory(0, length), cancellationToken);
    }

    /// <summary>The whole stream, or a null buffer as soon as it proves longer than the limit.</summary>
    private async Task<(byte[]? Buffer, int Length)> ReadBoundedAsync(Stream stream, CancellationToken cancellationToken)
    {
        // One byte more than the limit: reading it proves the stream is too long.
        var cap = _maxBytes + 1;
        var size = 64 * 1024;
        if (stream.CanSeek)
        {
            var remaining = Math.Max(0, stream.Length - stream.Position);
            if (remaining > _maxBytes)
            {
                return (null, 0);
            }

            size = (int)remaining + 1; // room to see the end without growing
        }

        var buffer = new byte[Math.Min(size, cap)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total >= cap)
                {
                    return (null, 0);
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, cap));
            }

            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return total > _maxBytes ? (null, 0) : (buffer, total);
            }

            total += read;
        }
    }

    private RosterFile Read(ReadOnlyMemory<byte> input, CancellationToken cancellationToken)
    {
        var bytes = input.Span;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Failure(0, FileColumn,
                "Encodage non reconnu : le fichier est enregistré en UTF-16 (« Unicode »). Enregistrez-le en UTF-8 (« CSV UTF-8 ») puis importez-le à nouveau.");
        }

        var hasBom = bytes.StartsWith("\uFEFF"u8);
        var content = hasBom ? input[3..] : input;
        bytes = content.Span;
        if (!bytes.ContainsAnyExcept(BlankBytes))
        {
            return Failure(0, FileColumn, "Le fichier est vide.");
        }

        var isUtf8 = Utf8.IsValid(bytes);
        if (bytes.Contains((byte)0) || (!isUtf8 && (hasBom || bytes.ContainsAny(UndefinedInWindows1252))))
        {
            return Failure(0, FileColumn,
                "Encodage non reconnu : le fichier n’est ni en UTF-8 ni en Windows-1252 (fichier binaire ou UTF-16 ?). Enregistrez-le en UTF-8 (« CSV UTF-8 ») puis importez-le à nouveau.");
        }

        return new Parse(this, cancellationToken).Run(content, isUtf8 ? null : Windows1252, DetectSeparator(bytes));
    }

    /// <summary>
    /// The most frequent of <c>;</c>, <c>,</c> and tab outside quotes on the first non-blank line (ties: in that
    /// order; <c>;</c> when none appears, for a one-column file then reports the missing columns).
    /// Works on the bytes: the three separators, the quote and the line breaks are ASCII in UTF-8 and Windows-1252.
    /// </summary>
    internal static char DetectSeparator(ReadOnlySpan<byte> bytes)
    {
        int semicolons = 0, commas = 0, tabs = 0;
        var inQuotes = false;
        var lineHasText = false;
        foreach (var b in bytes)
        {
            if (b == (byte)'"')
            {
                inQuotes = !inQuotes;
                lineHasText = true;
                continue;
            }

            if (inQuotes)
            {
                continue;
            }

            switch (b)
            {
                case (byte)'\r' or (byte)'\n':
                    if (lineHasText)
                    {
                        return Most(semicolons, commas, tabs);
                    }

                    semicolons = commas = tabs = 0;
                    break;
                case (byte)';': semicolons++; lineHasText = true; break;
                case (byte)',': commas++; lineHasText = true; break;
                case (byte)'\t': tabs++; break;
                case (byte)' ': break;
                default: lineHasText = true; break;
            }
        }

        return Most(semicolons, commas, tabs);

        static char Most(int semicolons, int commas, int tabs) =>
            semicolons >= commas && semicolons >= tabs ? ';' : commas >= tabs ? ',' : '\t';
    }

    private static RosterFile Failure(int line, string column, string reason) =>
        new([], [new RosterError(line, column, reason)]);

    private static string Size(int bytes) =>
        bytes % (1024 * 1024) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} Mio")
        : bytes % 1024 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} Kio")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} octets");

    private static string Count(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"));

    private static Encoding LoadWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private sealed record Column(Field Field, string CanonicalName, bool Required, string[] Names);

    /// <summary>The column index of each field in the file (-1 when absent).</summary>
    private sealed class HeaderMap
    {
        public int[] Indexes { get; } = [-1, -1, -1, -1, -1, -1, -1];

        public int this[Field field] => Indexes[(int)field];
    }

    /// <summary>One reading: the state of a file being parsed.</summary>
    private sealed class Parse(CsvRosterReader owner, CancellationToken cancellationToken)
    {
        private readonly List<RosterError> _errors = [];
        private readonly List<RosterLine> _lines = [];

        public RosterFile Run(ReadOnlyMemory<byte> content, Encoding? encoding, char separator)
        {
            var options = new CsvReaderOptions
            {
                Separator = separator,
                HasHeader = false, // the first non-blank record is the header: read here, matched loosely
                Mode = CsvMode.Rfc4180,
                SkipEmptyLines = true,
                TrimWhitespace = true,
                TrimInsideQuotes = true,
                TrackLineNumbers = true,
                DetectSeparatorHint = false,
                Encoding = encoding,
                PoolStrings = true,
                MalformedData = CsvMalformedDataHandling.Recover,
                FieldCountMismatch = CsvFieldCountHandling.Allow,
                MissingField = CsvMissingFieldHandling.ReturnEmpty,
                OnMalformedRecord = OnMalformed,
            };

            using var reader = CsvReader.Create(content, options);
            HeaderMap? header = null;
            var dataRows = 0;
            var records = 0;
            while (reader.Read())
            {
                if ((++records & 0x3FF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (IsBlank(reader))
                {
                    continue;
                }

                var line = checked((int)reader.LineNumber);
                if (header is null)
                {
                    header = ReadHeader(reader, line);
                    if (_errors.Count > 0)
                    {
                        return Result();
                    }

                    continue;
                }

                if (++dataRows > owner._maxRows)
                {
                    return Failure(line, FileColumn,
                        $"Le fichier dépasse la limite de {Count(owner._maxRows)} lignes (ligne {line}) : découpez-le en plusieurs fichiers.");
                }

                ReadRow(reader, header, line);
            }

            if (header is null)
            {
                return Failure(0, FileColumn, "Le fichier est vide.");
            }

            if (dataRows == 0 && _errors.Count == 0)
            {
                return Failure(0, FileColumn, "Le fichier ne contient aucune ligne : seul l’en-tête est présent.");
            }

            return Result();
        }

        private RosterFile Result() => new(_lines, _errors);

        private void OnMalformed(CsvMalformedRecord record)
        {
            // Stray quotes and text after a closing quote are kept as text (the cell checks then judge the value);
            // an unclosed quote swallows the rest of the file, which must not pass silently.
            if (record.Reason == CsvMalformedReason.UnterminatedQuote)
            {
                _errors.Add(new RosterError(checked((int)record.LineNumber), FileColumn,
                    "Guillemet ouvert jamais refermé : la suite du fichier ne peut pas être lue. Vérifiez les guillemets de cette ligne."));
            }
        }

        private static bool IsBlank(CsvReader reader)
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                if (!IsWhiteSpace(reader.GetSpan(i)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether UTF-8 text is empty or only (Unicode) white space, such as a no-break space.</summary>
        private static bool IsWhiteSpace(ReadOnlySpan<byte> utf8)
        {
            while (!utf8.IsEmpty)
            {
                Rune.DecodeFromUtf8(utf8, out var rune, out var consumed);
                if (!Rune.IsWhiteSpace(rune))
                {
                    return false;
                }

                utf8 = utf8[consumed..];
            }

            return true;
        }

        private HeaderMap ReadHeader(CsvReader reader, int line)
        {
            var map = new HeaderMap();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var name = reader.GetString(i);
                if (string.IsNullOrWhiteSpace(name) || !ColumnsByKey.TryGetValue(TextNormalization.Key(name), out var column))
                {
                    continue; // extra columns are ignored
                }

                var index = (int)column.Field;
                if (map.Indexes[index] >= 0)
                {
                    _errors.Add(new RosterError(line, column.CanonicalName,
                        $"La colonne « {column.CanonicalName} » apparaît deux fois (colonnes {map.Indexes[index] + 1} et {i + 1}) : gardez-en une seule."));
                    continue;
                }

                map.Indexes[index] = i;
            }

            foreach (var column in Columns)
            {
                if (column.Required && map[column.Field] < 0)
                {
                    _errors.Add(new RosterError(line, column.CanonicalName,
                        $"Colonne obligatoire absente : ajoutez une colonne « {column.CanonicalName} » à la première ligne (en-tête)."));
                }
            }

            return map;
        }

        private void ReadRow(CsvReader reader, HeaderMap header, int line) =>
            _lines.Add(new RosterLine(
                line,
                Cell(reader, header[Field.LastName]),
                Cell(reader, header[Field.FirstName]),
                Cell(reader, header[Field.Profile]),
                Cell(reader, header[Field.ClassName]),
                Cell(reader, header[Field.BirthDate]),
                Cell(reader, header[Field.ExternalId]),
                Cell(reader, header[Field.Children])));

        /// <summary>A cell trimmed (any Unicode space) and in NFC, or null when absent or empty.</summary>
        private static string? Cell(CsvReader reader, int index)
        {
            if (index < 0 || reader.IsEmpty(index))
            {
                return null;
            }

            var value = reader.GetString(index).Trim();
            if (value.Length == 0)
            {
                return null;
            }

            return value.IsNormalized() ? value : value.Normalize();
        }
    }
}
