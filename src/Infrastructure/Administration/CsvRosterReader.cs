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
/// Reads a school's roster CSV (DESIGN §3 "Bulk issuance"). The body is read whole, up to
/// <see cref="RosterOptions.MaxBytes"/>, then: encoding (UTF-8 with or without BOM, else Windows-1252; UTF-16,
/// NUL bytes and bytes Windows-1252 leaves undefined are refused), separator (the most frequent of
/// <c>;</c> <c>,</c> and tab outside quotes on the header line), headers (French or English names, case,
/// accents, spaces, hyphens, underscores and apostrophes ignored; unknown columns ignored) and then every
/// row, reporting every problem of every row. Blank lines, and lines whose cells are all empty, are skipped.
/// Line numbers are physical lines of the file (the header is line 1 when the file starts with it).
/// </summary>
public sealed class CsvRosterReader : IRosterReader
{
    public const int MaxNameLength = 100;
    public const int MaxClassLength = 50;
    public const int MaxExternalIdLength = 64;

    /// <summary>The column of the errors that concern the whole file.</summary>
    public const string FileColumn = "fichier";

    public const string LastNameColumn = "Nom";
    public const string FirstNameColumn = "Prénom";
    public const string ProfileColumn = "Profil";
    public const string ClassColumn = "Classe";
    public const string BirthDateColumn = "Date de naissance";
    public const string ExternalIdColumn = "Identifiant externe";

    private const string AcceptedProfiles =
        "Élève, Parent, Responsable légal, Enseignant, Professeur ou Personnel (ou Student, Teacher, Staff)";

    private const int MaxShownValueLength = 40;

    private static readonly Encoding Windows1252 = LoadWindows1252();

    private static readonly SearchValues<byte> BlankBytes = SearchValues.Create(" \t\r\n"u8);
    private static readonly SearchValues<byte> UndefinedInWindows1252 = SearchValues.Create([0x81, 0x8D, 0x8F, 0x90, 0x9D]);
    private static readonly SearchValues<char> AsciiLettersAndDigits =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");

    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd-MM-yyyy", "dd.MM.yyyy"];
    private static readonly DateOnly EarliestBirthDate = new(1900, 1, 1);
    private static readonly TimeZoneInfo Paris = FindParis();

    private static readonly Column[] Columns =
    [
        new(Field.LastName, LastNameColumn, Required: true, ["Nom", "Nom de famille", "LastName", "Last name", "Surname"]),
        new(Field.FirstName, FirstNameColumn, Required: true, ["Prénom", "FirstName", "First name"]),
        new(Field.Profile, ProfileColumn, Required: true, ["Profil", "Profile"]),
        new(Field.ClassName, ClassColumn, Required: false, ["Classe", "Class", "ClassName"]),
        new(Field.BirthDate, BirthDateColumn, Required: false, ["Date de naissance", "BirthDate", "Birth date", "DateOfBirth"]),
        new(Field.ExternalId, ExternalIdColumn, Required: false, ["Identifiant externe", "ExternalId", "External id", "Id externe"]),
    ];

    /// <summary>Header keys (<see cref="Key"/>) to the column they name.</summary>
    private static readonly FrozenDictionary<string, Column> ColumnsByKey =
        Columns.SelectMany(c => c.Names, (c, name) => (Key: Key(name), Column: c)).DistinctBy(p => p.Key).ToFrozenDictionary(p => p.Key, p => p.Column, StringComparer.Ordinal);

    private static readonly (string Name, Profile Profile)[] ProfileNames =
    [
        ("Élève", Profile.Student), ("Eleve", Profile.Student), ("Student", Profile.Student),
        ("Parent", Profile.Parent), ("Responsable", Profile.Parent), ("Responsable légal", Profile.Parent),
        ("Enseignant", Profile.Teacher), ("Professeur", Profile.Teacher), ("Teacher", Profile.Teacher),
        ("Personnel", Profile.Staff), ("Staff", Profile.Staff),
    ];

    /// <summary>The usual spellings, looked up first (no allocation for the common case).</summary>
    private static readonly FrozenDictionary<string, Profile> ProfilesBySpelling =
        ProfileNames.ToFrozenDictionary(p => p.Name, p => p.Profile, StringComparer.OrdinalIgnoreCase);

    /// <summary>The same names by <see cref="Key"/>: any case, accents, spaces, hyphens or apostrophes.</summary>
    private static readonly FrozenDictionary<string, Profile> ProfilesByKey =
        ProfileNames.DistinctBy(p => Key(p.Name)).ToFrozenDictionary(p => Key(p.Name), p => p.Profile, StringComparer.Ordinal);

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
    }

    public async Task<RosterReadResult> ReadAsync(Stream csv, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var (buffer, length) = await ReadBoundedAsync(csv, cancellationToken).ConfigureAwait(false);
        if (buffer is null)
        {
            return Failure(0, FileColumn, $"Le fichier dépasse la taille maximale de {Size(_maxBytes)} : découpez-le en plusieurs fichiers.");
        }

        return Read(buffer.AsMemory(0, length), Today(), cancellationToken);
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

    private RosterReadResult Read(ReadOnlyMemory<byte> input, DateOnly today, CancellationToken cancellationToken)
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
                "Encodage non reconnu : le fichier n'est ni en UTF-8 ni en Windows-1252 (fichier binaire ou UTF-16 ?). Enregistrez-le en UTF-8 (« CSV UTF-8 ») puis importez-le à nouveau.");
        }

        return new Parse(this, today, cancellationToken).Run(content, isUtf8 ? null : Windows1252, DetectSeparator(bytes));
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

    /// <summary>A header or profile name as matched: folded (case, accents, ligatures), without spaces, hyphens, underscores or apostrophes.</summary>
    internal static string Key(string name)
    {
        var folded = TextNormalization.Fold(name);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || c is '-' or '_' or '\'' or '’' or '‘' or 'ʼ' or '‐' or '‑' or '–' or '—')
            {
                continue;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static RosterReadResult Failure(int line, string column, string reason) =>
        new([], [new RosterError(line, column, reason)]);

    /// <summary>A value quoted in a message, cut when long.</summary>
    private static string Show(string value)
    {
        if (value.Length <= MaxShownValueLength)
        {
            return $"« {value} »";
        }

        var cut = char.IsHighSurrogate(value[MaxShownValueLength - 1]) ? MaxShownValueLength - 1 : MaxShownValueLength;
        return $"« {value[..cut]}… »";
    }

    private static string Size(int bytes) =>
        bytes % (1024 * 1024) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024 * 1024)} Mio")
        : bytes % 1024 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} Kio")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} octets");

    private static string Count(int value) => value.ToString("N0", CultureInfo.GetCultureInfo("fr-FR"));

    /// <summary>Today in Paris, the time zone of the schools: a birth date after it is in the future.</summary>
    private static DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Paris).DateTime);

    private static TimeZoneInfo FindParis()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Local;
        }
        catch (InvalidTimeZoneException)
        {
            return TimeZoneInfo.Local;
        }
    }

    private static Encoding LoadWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    private sealed record Column(Field Field, string CanonicalName, bool Required, string[] Names);

    /// <summary>The column index of each field in the file (-1 when absent).</summary>
    private sealed class HeaderMap
    {
        public int[] Indexes { get; } = [-1, -1, -1, -1, -1, -1];

        public int this[Field field] => Indexes[(int)field];
    }

    /// <summary>One reading: the state of a file being parsed.</summary>
    private sealed class Parse(CsvRosterReader owner, DateOnly today, CancellationToken cancellationToken)
    {
        private readonly List<RosterError> _errors = [];
        private readonly List<RosterRow> _rows = [];
        private readonly Dictionary<string, int> _externalIds = new(StringComparer.OrdinalIgnoreCase);
        private readonly char[] _dateChars = new char[32];

        public RosterReadResult Run(ReadOnlyMemory<byte> content, Encoding? encoding, char separator)
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
                return Failure(0, FileColumn, "Le fichier ne contient aucune ligne : seul l'en-tête est présent.");
            }

            return Result();
        }

        private RosterReadResult Result() => _errors.Count > 0 ? new RosterReadResult([], _errors) : new RosterReadResult(_rows, []);

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
                if (string.IsNullOrWhiteSpace(name) || !ColumnsByKey.TryGetValue(Key(name), out var column))
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

        private void ReadRow(CsvReader reader, HeaderMap header, int line)
        {
            var lastName = ReadName(reader, header[Field.LastName], line, LastNameColumn, "Le nom");
            var firstName = ReadName(reader, header[Field.FirstName], line, FirstNameColumn, "Le prénom");
            var profile = ReadProfile(reader, header[Field.Profile], line);
            var className = ReadClass(reader, header[Field.ClassName], line);
            var birthDate = ReadBirthDate(reader, header[Field.BirthDate], line);
            var externalId = ReadExternalId(reader, header[Field.ExternalId], line);
            if (_errors.Count == 0)
            {
                _rows.Add(new RosterRow(line, lastName!, firstName!, profile!.Value, className, birthDate, externalId));
            }
        }

        private string? ReadName(CsvReader reader, int index, int line, string column, string label)
        {
            var value = Cell(reader, index);
            if (value is null)
            {
                _errors.Add(new RosterError(line, column, $"{label} est obligatoire."));
                return null;
            }

            if (value.Length > MaxNameLength)
            {
                _errors.Add(new RosterError(line, column, $"{label} dépasse {MaxNameLength} caractères ({value.Length})."));
                return null;
            }

            // A name with an ASCII letter or digit always keeps it in its identifier part: the full rule only runs otherwise.
            if (!value.AsSpan().ContainsAny(AsciiLettersAndDigits) && Identifier.NormalizePart(value).Length == 0)
            {
                _errors.Add(new RosterError(line, column,
                    $"{label} {Show(value)} ne contient aucune lettre utilisable pour l'identifiant (prénom.nom)."));
                return null;
            }

            return value;
        }

        private Profile? ReadProfile(CsvReader reader, int index, int line)
        {
            var value = Cell(reader, index);
            if (value is null)
            {
                _errors.Add(new RosterError(line, ProfileColumn, $"Le profil est obligatoire : {AcceptedProfiles}."));
                return null;
            }

            if (ProfilesBySpelling.TryGetValue(value, out var profile) || ProfilesByKey.TryGetValue(Key(value), out profile))
            {
                return profile;
            }

            _errors.Add(new RosterError(line, ProfileColumn, $"Profil {Show(value)} inconnu : valeurs acceptées {AcceptedProfiles}."));
            return null;
        }

        private string? ReadClass(CsvReader reader, int index, int line)
        {
            var value = Cell(reader, index);
            if (value is not null && value.Length > MaxClassLength)
            {
                _errors.Add(new RosterError(line, ClassColumn, $"La classe dépasse {MaxClassLength} caractères ({value.Length})."));
                return null;
            }

            return value;
        }

        private DateOnly? ReadBirthDate(CsvReader reader, int index, int line)
        {
            if (index < 0 || reader.IsEmpty(index))
            {
                return null;
            }

            ReadOnlySpan<char> text = default;
            var parsed = false;
            var date = default(DateOnly);
            if (reader[index].Length <= _dateChars.Length)
            {
                // UTF-8 bytes are never fewer than the chars they encode.
                text = _dateChars.AsSpan(0, reader.GetChars(index, _dateChars)).Trim();
                if (text.IsEmpty)
                {
                    return null;
                }

                parsed = DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
            }

            if (!parsed)
            {
                _errors.Add(new RosterError(line, BirthDateColumn,
                    $"Date de naissance {Show(reader.GetString(index).Trim())} invalide : une date réelle au format JJ/MM/AAAA (ou AAAA-MM-JJ, JJ-MM-AAAA, JJ.MM.AAAA) est attendue."));
                return null;
            }

            if (date > today)
            {
                _errors.Add(new RosterError(line, BirthDateColumn,
                    $"Date de naissance {Show(text.ToString())} dans le futur."));
                return null;
            }

            if (date < EarliestBirthDate)
            {
                _errors.Add(new RosterError(line, BirthDateColumn,
                    $"Date de naissance {Show(text.ToString())} antérieure au 01/01/1900."));
                return null;
            }

            return date;
        }

        private string? ReadExternalId(CsvReader reader, int index, int line)
        {
            var value = Cell(reader, index);
            if (value is null)
            {
                return null;
            }

            if (value.Length > MaxExternalIdLength)
            {
                _errors.Add(new RosterError(line, ExternalIdColumn, $"L'identifiant externe dépasse {MaxExternalIdLength} caractères ({value.Length})."));
                return null;
            }

            if (!_externalIds.TryAdd(value, line))
            {
                _errors.Add(new RosterError(line, ExternalIdColumn,
                    $"Identifiant externe {Show(value)} déjà utilisé ligne {_externalIds[value]} : chaque personne doit avoir le sien."));
                return null;
            }

            return value;
        }

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
