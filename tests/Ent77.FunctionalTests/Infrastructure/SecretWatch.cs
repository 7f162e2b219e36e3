using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Ent77.FunctionalTests.Infrastructure;

/// <summary>
/// Every log line the service writes during a test, and every secret the test handed to it or typed into it
/// (passwords right, wrong and new, activation codes, reset and confirmation tokens, SMS codes: the API clients
/// register what they send, see <see cref="SecretRecordingHandler"/>). At the end of each test, no log line, audit
/// event, outbox row (the secret column stays encrypted) or job-store row may contain one of them.
/// </summary>
public sealed class SecretWatch : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly ConcurrentDictionary<string, byte> _secrets = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Lines => _lines.ToArray();

    public IReadOnlyCollection<string> Secrets => _secrets.Keys.ToArray();

    public void Register(string secret)
    {
        if (!string.IsNullOrEmpty(secret) && secret.Length >= 6)
        {
            _secrets.TryAdd(secret, 0);
        }
    }

    public Task AssertNothingLeakedAsync(Ent77Factory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return AssertNothingLeakedAsync(factory.Settings, []);
    }

    /// <summary>
    /// The same scan for services that ran as processes of their own (restart, scale-out): their printed output, and
    /// the audit, the outbox and the job store of the database that <paramref name="settings"/> name.
    /// </summary>
    public async Task AssertNothingLeakedAsync(IReadOnlyDictionary<string, string?> settings, IEnumerable<string> processOutput)
    {
        var everything = _lines.Concat(processOutput).Concat(await StoredTextAsync(settings)).ToList();
        foreach (var secret in _secrets.Keys)
        {
            var leak = everything.FirstOrDefault(line => Contains(line, secret));
            Assert.True(leak is null, $"A secret appears in the logs, the audit, the outbox or the job store: {leak}");
        }
    }

    /// <summary>
    /// Whether <paramref name="line"/> holds <paramref name="secret"/>; a numeric one (an SMS code) only as a number of its
    /// own, not inside a longer run of digits (« 00:00:00.2000000 » holds no « 000000 » code).
    /// </summary>
    private static bool Contains(string line, string secret) =>
        secret.All(char.IsAsciiDigit)
            ? System.Text.RegularExpressions.Regex.IsMatch(line, $"(?<![0-9]){secret}(?![0-9])")
            : line.Contains(secret, StringComparison.Ordinal);

    /// <summary>
    /// Every text cell of the audit log, the outbox (its secret column stays encrypted) and the job store (jobs, their
    /// arguments, states, sets, hashes, lists): the Hangfire SQLite file, or the PostgreSQL schema <c>hangfire</c>.
    /// </summary>
    public static async Task<IReadOnlyList<string>> StoredTextAsync(IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var dataDirectory = settings["Data:Directory"]!;
        var postgres = string.Equals(settings.GetValueOrDefault("Database:Provider"), "PostgreSql", StringComparison.OrdinalIgnoreCase);
        var rows = new List<string>();
        var sqliteFile = Path.Combine(dataDirectory, "ent77.db");
        if (!postgres && !File.Exists(sqliteFile))
        {
            return rows; // the service never started: nothing was stored
        }

        await using (var database = postgres
            ? (System.Data.Common.DbConnection)new Npgsql.NpgsqlConnection(settings["ConnectionStrings:Ent77"])
            : new SqliteConnection(ReadOnly(sqliteFile)))
        {
            await database.OpenAsync();
            rows.AddRange(await DumpAsync(database, "audit", ["AuditEvents"]));
            rows.AddRange(await DumpAsync(database, "outbox", ["Notifications"]));
            if (postgres)
            {
                rows.AddRange(await DumpAsync(database, "job store", await NamesAsync(database,
                    "SELECT '\"hangfire\".\"' || table_name || '\"' FROM information_schema.tables WHERE table_schema = 'hangfire'")));
            }
        }

        var jobFile = Path.Combine(dataDirectory, "hangfire.db");
        if (!postgres && File.Exists(jobFile))
        {
            await using var jobs = new SqliteConnection(ReadOnly(jobFile));
            await jobs.OpenAsync();
            rows.AddRange(await DumpAsync(jobs, "job store", await NamesAsync(jobs, "SELECT '\"' || name || '\"' FROM sqlite_master WHERE type = 'table'")));
        }

        return rows;
    }

    private static string ReadOnly(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();

    private static async Task<List<string>> NamesAsync(System.Data.Common.DbConnection connection, string sql)
    {
        var names = new List<string>();
        await using var list = connection.CreateCommand();
        list.CommandText = sql;
        await using var reader = await list.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    /// <summary>Each row of each table (names already quoted), its cells joined.</summary>
    private static async Task<List<string>> DumpAsync(System.Data.Common.DbConnection connection, string label, IEnumerable<string> tables)
    {
        var rows = new List<string>();
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM {(table.StartsWith('"') ? table : $"\"{table}\"")}";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var cells = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                rows.Add($"{label}: {table} {string.Join(" | ", cells)}");
            }
        }

        return rows;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                lines.Enqueue(string.Join(" ", values.Select(v => $"{v.Key}={v.Value}")));
            }
        }
    }
}

/// <summary>
/// Sits in every API client of the tests: each secret a request carries in its JSON body (password fields, codes,
/// tokens) is registered with the <see cref="SecretWatch"/>, so wrong and new passwords and SMS codes are watched too.
/// </summary>
public sealed class SecretRecordingHandler(SecretWatch watch) : DelegatingHandler
{
    private static readonly HashSet<string> SecretFields = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "passwordConfirmation", "currentPassword", "newPassword", "newPasswordConfirmation", "activationCode", "token",
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (await BodyAsync(request.Content, cancellationToken) is { ValueKind: JsonValueKind.Object } body)
        {
            foreach (var field in body.EnumerateObject().Where(f => SecretFields.Contains(f.Name) && f.Value.ValueKind == JsonValueKind.String))
            {
                var value = field.Value.GetString()!;
                if (LooksLikeASecret(value))
                {
                    watch.Register(value);
                    watch.Register(value.Replace("-", string.Empty, StringComparison.Ordinal));
                }
            }
        }

        return await base.SendAsync(request, cancellationToken);
    }

    /// <summary>
    /// The JSON a request carries, read without changing how it is sent: a <see cref="System.Net.Http.Json.JsonContent"/>
    /// is serialised again from its value (buffering it would add a Content-Length the test did not ask for).
    /// </summary>
    private static async Task<JsonElement?> BodyAsync(HttpContent? content, CancellationToken cancellationToken)
    {
        try
        {
            return content switch
            {
                System.Net.Http.Json.JsonContent json => JsonSerializer.SerializeToElement(json.Value, json.ObjectType, JsonSerializerOptions.Web),
                ByteArrayContent bytes when bytes.Headers.ContentType?.MediaType == "application/json" =>
                    JsonDocument.Parse(await bytes.ReadAsStringAsync(cancellationToken)).RootElement.Clone(),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null; // a malformed body on purpose (bad-input tests): nothing to watch
        }
    }

    /// <summary>A password (a letter and a digit, 8+), a code or token (long), or a 6-digit SMS code; not the random noise of hostile-input tests.</summary>
    private static bool LooksLikeASecret(string value) =>
        (value.Length >= 8 && value.Any(char.IsLetter) && value.Any(char.IsDigit) && !value.Any(char.IsWhiteSpace))
        || (value.Length == 6 && value.All(char.IsAsciiDigit));
}
