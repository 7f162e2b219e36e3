using Ent77.Application.Administration.Access;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Ent77.Application.Accounts;
using Ent77.Application.Accounts.Common;
using Ent77.Application.Administration;
using Ent77.Application.Administration.ImportRoster;
using Ent77.Application.Common;
using Ent77.Application.Common.Ports;
using Ent77.Application.Establishments;
using Ent77.Benchmarks.Harness;
using Ent77.Domain.Accounts;
using Ent77.Domain.Auditing;
using Ent77.Infrastructure.Persistence;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Ent77.Benchmarks.Scenarios;

/// <summary>
/// 1. Bulk issuance: a generated roster through the real import use case (<see cref="ImportRosterCommand"/> sent
/// through the mediator, so with its pipeline and unit of work) into a fresh SQLite (or PostgreSQL) database, each run in a child
/// process of its own so that its peak resident memory (VmHWM) is the import's. Baselines in the same run, each
/// in its own child process and fresh database: the same rows inserted with raw prepared ADO.NET commands in one
/// transaction (the storage's limit; on PostgreSQL, raw binary COPY), EF Core with one SaveChanges for all (the write path before this work), and a
/// naive EF Core loop that saves each row (the floor; on a subset, extrapolated).
/// </summary>
internal static class ImportBenchmark
{
    public const string ChildCommand = "import-child";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public sealed record ChildResult(string Mode, int Rows, double ElapsedMs, double PeakMb, int Verified, int Failed, int DistinctIdentifiers, int StoredAccounts, int StoredCodes);

    public static async Task<BenchmarkReport> RunAsync(int rows, int repetitions, int loopRows)
    {
        var report = new BenchmarkReport("import", "1. Bulk issuance");
        var work = Paths.NewTempDirectory("import");
        try
        {
            var csv = Path.Combine(work, "roster.csv");
            await File.WriteAllBytesAsync(csv, Roster.GenerateUtf8(rows));
            var bases = File.ReadLines(csv).Skip(1).Select(l => l.Split(';')).GroupBy(c => Identifier.BaseFor(c[1], c[0]).Value).Select(g => g.Count()).ToList();
            report.Notes.Add(Invariant($"Roster: {rows:N0} generated rows (seeded, Zipf-like French names, 60 % students), {new FileInfo(csv).Length / 1024.0 / 1024.0:0.0} MB of UTF-8 CSV; {bases.Count:N0} distinct identifier bases, {bases.Where(c => c > 1).Sum():N0} people share theirs with someone, the most common base comes back {bases.Max()} times."));

            var results = new List<ChildResult>();
            for (var rep = 0; rep < repetitions; rep++)
            {
                // Interleaved so that a noisy neighbour hurts every mode alike.
                foreach (var mode in new[] { "raw", "service", "ef-batch" })
                {
                    var result = await RunChildAsync(mode, csv, rows, work);
                    Console.WriteLine(Invariant($"  import {mode,-9} rep {rep + 1}: {result.ElapsedMs,9:0} ms, peak {result.PeakMb:0} MB"));
                    results.Add(result);
                    report.Sample($"{mode}.ms", result.ElapsedMs);
                    report.Sample($"{mode}.peakMb", result.PeakMb);
                }
            }

            var loopCsv = Path.Combine(work, "roster-loop.csv");
            await File.WriteAllBytesAsync(loopCsv, Roster.GenerateUtf8(loopRows));
            var loop = await RunChildAsync("ef-loop", loopCsv, loopRows, work);
            Console.WriteLine(Invariant($"  import ef-loop    ({loopRows:N0} rows): {loop.ElapsedMs:0} ms"));
            report.Sample("ef-loop.ms", loop.ElapsedMs);

            double Median(string mode) => Stats.Median(results.Where(r => r.Mode == mode).Select(r => r.ElapsedMs));
            var raw = Median("raw") / 1000;
            var service = Median("service") / 1000;
            var efBatch = Median("ef-batch") / 1000;
            var loopExtrapolated = loop.ElapsedMs / 1000 * rows / loopRows;
            var peak = results.Where(r => r.Mode == "service").Max(r => r.PeakMb);
            var services = results.Where(r => r.Mode == "service").ToList();
            var verified = services.Min(r => r.Verified);
            var failed = services.Sum(r => r.Failed);

            var name = Invariant($"Bulk issuance ({rows:N0} rows)");
            report.Rows.Add(new ResultRow(name, "import time, real use case", service, "s", "raw ADO.NET, one transaction", raw, service / raw, "≤ 1.5 × raw", service / raw <= 1.5));
            report.Rows.Add(new ResultRow(name, "peak memory of the import process (VmHWM, max of runs)", peak, "MB", null, null, null, "≤ 400 MB", peak <= 400));
            report.Rows.Add(new ResultRow(name, "generated codes that verify (every run)", verified, "count", Invariant($"{rows:N0} issued"), rows, (double)verified / rows, "all", verified == rows && failed == 0));
            report.Rows.Add(new ResultRow(name, "reference: EF Core, one SaveChanges for all", efBatch, "s", "raw ADO.NET, one transaction", raw, efBatch / raw, "— (write path before)", null));
            report.Rows.Add(new ResultRow(name, Invariant($"floor: naive EF Core loop, SaveChanges per row ({loopRows:N0} rows, extrapolated)"), loopExtrapolated, "s", "raw ADO.NET, one transaction", raw, loopExtrapolated / raw, "— (floor)", null));
            report.Notes.Add(Invariant($"Medians of {repetitions} interleaved runs, each in a fresh child process and database. Throughput: service {rows / service:N0} rows/s, raw {rows / raw:N0} rows/s."));
            foreach (var r in results.Where(r => r.Mode != "ef-loop"))
            {
                report.Check(r.StoredAccounts == rows, Invariant($"{r.Mode}: {r.StoredAccounts} accounts stored instead of {rows}"));
                report.Check(r.StoredCodes == rows, Invariant($"{r.Mode}: {r.StoredCodes} codes stored instead of {rows}"));
            }

            foreach (var r in services)
            {
                report.Check(r.Verified == rows && r.Failed == 0, Invariant($"service: {r.Failed} codes do not verify, {r.Verified} do"));
                report.Check(r.DistinctIdentifiers == rows, Invariant($"service: {r.DistinctIdentifiers} distinct identifiers for {rows} rows"));
            }

            report.Check(loop.StoredAccounts == loopRows, Invariant($"ef-loop: {loop.StoredAccounts} accounts stored instead of {loopRows}"));
            return report;
        }
        finally
        {
            Paths.TryDelete(work);
        }
    }

    private static async Task<ChildResult> RunChildAsync(string mode, string csv, int rows, string work)
    {
        var output = Path.Combine(work, $"{mode}-{Guid.NewGuid():N}.json");
        return await ChildProcess.RunAsync<ChildResult>(mode, [ChildCommand, mode, csv, rows.ToString(CultureInfo.InvariantCulture), output], output);
    }

    /// <summary>The child process: one import in one mode into a fresh database; writes its <see cref="ChildResult"/>.</summary>
    public static async Task<int> ChildAsync(string[] args)
    {
        var (mode, csv, rows, output) = (args[1], args[2], int.Parse(args[3], CultureInfo.InvariantCulture), args[4]);
        await using var host = await ServiceHost.StartAsync();
        await host.EnsureEstablishmentAsync();
        ChildResult result = mode switch
        {
            "service" => await ServiceImportAsync(host, csv, rows),
            "raw" => await RawImportAsync(host, csv, rows),
            "ef-batch" => await EfImportAsync(host, csv, rows, batch: true),
            "ef-loop" => await EfImportAsync(host, csv, rows, batch: false),
            _ => throw new ArgumentException($"Unknown import mode {mode}."),
        };
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(result, Json));
        return 0;
    }

    private static async Task<ChildResult> ServiceImportAsync(ServiceHost host, string csv, int rows)
    {
        ImportResult imported;
        double elapsed;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var sender = scope.ServiceProvider.GetRequiredService<ISender>();
            await using var file = File.OpenRead(csv);
            var clock = Stopwatch.StartNew();
            imported = await sender.Send(new ImportRosterCommand(Actor.Operator, ServiceHost.Uai, file, DryRun: false));
            elapsed = clock.Elapsed.TotalMilliseconds;
        }

        var peak = Machine.PeakResidentMb();

        // Every code handed out must be the live code of the account it was printed for.
        var hasher = host.Services.GetRequiredService<IActivationCodeHasher>();
        var stored = await ReadStoredAsync(host);
        int verified = 0, failed = 0;
        foreach (var issued in imported.Batch.Accounts)
        {
            var ok = stored.Codes.TryGetValue(issued.Id.ToString("D").ToUpperInvariant(), out var code)
                && code.Identifier == issued.Identifier
                && code.Live
                && ActivationCodeValue.TryParse(issued.ActivationCode, out var value)
                && hasher.Hash(value) == code.Hash;
            if (ok)
            {
                verified++;
            }
            else
            {
                failed++;
            }
        }

        var distinct = imported.Batch.Accounts.Select(a => a.Identifier).Distinct(StringComparer.Ordinal).Count();
        return new ChildResult("service", rows, elapsed, peak, verified, failed + (imported.Created == rows ? 0 : 1), distinct, stored.Accounts, stored.CodeCount);
    }

    /// <summary>The rows the import would write, computed before the clock starts (baselines time the storage only).</summary>
    private sealed record PreparedAccount(Account Account, string CodeHash);

    private static async Task<(List<PreparedAccount> Accounts, Guid EstablishmentId)> PrepareAsync(ServiceHost host, string csv)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var establishment = (await sp.GetRequiredService<IEstablishmentRepository>().FindByUaiAsync(Domain.Establishments.Uai.Parse(ServiceHost.Uai).Uai!, default))!;
        await using var file = File.OpenRead(csv);
        var now = TimeProvider.System.GetUtcNow();
        var roster = RosterValidator.Validate(await sp.GetRequiredService<IRosterReader>().ReadAsync(file, default), Domain.Common.SchoolCalendar.DayOf(now));
        if (!roster.IsValid)
        {
            throw new InvalidOperationException($"The generated roster is invalid: {roster.Errors[0].Reason}");
        }

        var bases = roster.Rows.Select(r => Identifier.BaseFor(r.FirstName, r.LastName)).ToList();
        var reservation = await sp.GetRequiredService<IdentifierAllocator>().ReserveAsync(bases.Distinct().ToList(), default);
        var hasher = sp.GetRequiredService<IActivationCodeHasher>();
        var validity = sp.GetRequiredService<IOptions<AccountRulesOptions>>().Value.ActivationCodeValidity;
        var prepared = new List<PreparedAccount>(roster.Rows.Count);
        for (var i = 0; i < roster.Rows.Count; i++)
        {
            var row = roster.Rows[i];
            var account = Account.CreatePending(reservation.Next(bases[i]), new PersonDetails(row.FirstName, row.LastName, row.Profile, row.ClassName, row.BirthDate, row.ExternalId), establishment.Id, now);
            var hash = hasher.Hash(ActivationCodeValue.Generate());
            account.IssueActivationCode(hash, now, validity);
            prepared.Add(new PreparedAccount(account, hash));
        }

        return (prepared, establishment.Id.Value);
    }

    /// <summary>The storage's limit: the same rows and columns, raw prepared commands, one transaction.</summary>
    private static async Task<ChildResult> RawImportAsync(ServiceHost host, string csv, int rows)
    {
        var (prepared, establishmentId) = await PrepareAsync(host, csv);
        string connectionString;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<Ent77DbContext>().Database.GetConnectionString()!;
        }

        if (BenchDatabase.Postgres)
        {
            return await RawCopyAsync(host, connectionString, prepared, establishmentId, rows);
        }

        var clock = Stopwatch.StartNew();
        await using (var connection = new SqliteConnection(connectionString))
        {
            await connection.OpenAsync();
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA foreign_keys = 1;";
                await pragma.ExecuteNonQueryAsync();
            }

            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
            await using var accounts = Command(connection, transaction, "Accounts",
                ["Id", "AcceptedTermsVersion", "ActivatedAt", "BirthDate", "ClassName", "CreatedAt", "Email", "EmailConfirmationExpiresAt",
                 "EmailConfirmationHash", "EmailConfirmedAt", "EmailLookup", "EstablishmentId", "ExternalId", "ExternalIdLookup", "FailedSignInCount",
                 "FirstName", "Identifier", "IdentifierBase", "LastName", "LockedUntil", "MobilePhone", "PasswordHash", "Profile", "SecurityStamp",
                 "Status", "TermsAcceptedAt", "Version"]);
            await using var codes = Command(connection, transaction, "ActivationCodes", ["Id", "AccountId", "CodeHash", "ConsumedAt", "ExpiresAt", "IssuedAt", "RevokedAt"]);
            var establishment = establishmentId.ToString("D").ToUpperInvariant();
            foreach (var (account, _) in prepared)
            {
                var id = account.Id.Value.ToString("D").ToUpperInvariant();
                var p = accounts.Parameters;
                p[0].Value = id;
                p[1].Value = DBNull.Value;
                p[2].Value = DBNull.Value;
                p[3].Value = account.BirthDate is { } birth ? birth.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : DBNull.Value;
                p[4].Value = (object?)account.ClassName ?? DBNull.Value;
                p[5].Value = Timestamp(account.CreatedAt);
                p[6].Value = DBNull.Value;
                p[7].Value = DBNull.Value;
                p[8].Value = DBNull.Value;
                p[9].Value = DBNull.Value;
                p[10].Value = DBNull.Value;
                p[11].Value = establishment;
                p[12].Value = (object?)account.ExternalId ?? DBNull.Value;
                p[13].Value = account.ExternalId is { } external ? Ent77DbContext.ExternalIdLookupOf(external) : DBNull.Value;
                p[14].Value = 0;
                p[15].Value = account.FirstName;
                p[16].Value = account.Identifier.Value;
                p[17].Value = account.Identifier.Base;
                p[18].Value = account.LastName;
                p[19].Value = DBNull.Value;
                p[20].Value = DBNull.Value;
                p[21].Value = DBNull.Value;
                p[22].Value = account.Profile.ToString();
                p[23].Value = account.SecurityStamp;
                p[24].Value = account.Status.ToString();
                p[25].Value = DBNull.Value;
                p[26].Value = account.Version.ToString("D").ToUpperInvariant();
                await accounts.ExecuteNonQueryAsync();

                var code = account.ActivationCodes[0];
                var c = codes.Parameters;
                c[0].Value = code.Id.ToString("D").ToUpperInvariant();
                c[1].Value = id;
                c[2].Value = code.CodeHash;
                c[3].Value = DBNull.Value;
                c[4].Value = Timestamp(code.ExpiresAt);
                c[5].Value = Timestamp(code.IssuedAt);
                c[6].Value = DBNull.Value;
                await codes.ExecuteNonQueryAsync();
            }

            await using (var audit = Command(connection, transaction, "AuditEvents", ["AccountId", "ActorAccountId", "Details", "EstablishmentId", "OccurredAt", "Type"]))
            {
                audit.Parameters[0].Value = DBNull.Value;
                audit.Parameters[1].Value = DBNull.Value;
                audit.Parameters[2].Value = Invariant($"{prepared.Count} compte(s) créé(s) avec leur code, 0 mis à jour");
                audit.Parameters[3].Value = establishment;
                audit.Parameters[4].Value = Timestamp(TimeProvider.System.GetUtcNow());
                audit.Parameters[5].Value = AuditTypes.RosterImported;
                await audit.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        var elapsed = clock.Elapsed.TotalMilliseconds;
        var peak = Machine.PeakResidentMb();
        var stored = await ReadStoredAsync(host);
        return new ChildResult("raw", rows, elapsed, peak, 0, 0, 0, stored.Accounts, stored.CodeCount);
    }

    /// <summary>PostgreSQL's limit: the same rows and columns in two binary COPY streams, one transaction.</summary>
    private static async Task<ChildResult> RawCopyAsync(ServiceHost host, string connectionString, List<PreparedAccount> prepared, Guid establishmentId, int rows)
    {
        var clock = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var accounts = await connection.BeginBinaryImportAsync(
                "COPY \"Accounts\" (\"Id\", \"BirthDate\", \"ClassName\", \"CreatedAt\", \"EstablishmentId\", \"ExternalId\", \"ExternalIdLookup\", \"FailedSignInCount\", "
                + "\"FirstName\", \"Identifier\", \"IdentifierBase\", \"LastName\", \"Profile\", \"SecurityStamp\", \"Status\", \"Version\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (account, _) in prepared)
                {
                    await accounts.StartRowAsync();
                    await accounts.WriteAsync(account.Id.Value, NpgsqlDbType.Uuid);
                    await WriteOrNullAsync(accounts, account.BirthDate, NpgsqlDbType.Date);
                    await WriteOrNullAsync(accounts, account.ClassName, NpgsqlDbType.Varchar);
                    await accounts.WriteAsync(account.CreatedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                    await accounts.WriteAsync(establishmentId, NpgsqlDbType.Uuid);
                    await WriteOrNullAsync(accounts, account.ExternalId, NpgsqlDbType.Varchar);
                    await WriteOrNullAsync(accounts, account.ExternalId is { } external ? Ent77DbContext.ExternalIdLookupOf(external) : null, NpgsqlDbType.Varchar);
                    await accounts.WriteAsync(0, NpgsqlDbType.Integer);
                    await accounts.WriteAsync(account.FirstName, NpgsqlDbType.Varchar);
                    await accounts.WriteAsync(account.Identifier.Value, NpgsqlDbType.Varchar);
                    await accounts.WriteAsync(account.Identifier.Base, NpgsqlDbType.Varchar);
                    await accounts.WriteAsync(account.LastName, NpgsqlDbType.Varchar);
                    await accounts.WriteAsync(account.Profile.ToString(), NpgsqlDbType.Varchar);
                    await accounts.WriteAsync(account.SecurityStamp, NpgsqlDbType.Varchar);
                    await accounts.WriteAsync(account.Status.ToString(), NpgsqlDbType.Varchar);
                    await accounts.WriteAsync(account.Version, NpgsqlDbType.Uuid);
                }

                await accounts.CompleteAsync();
            }

            await using (var codes = await connection.BeginBinaryImportAsync(
                "COPY \"ActivationCodes\" (\"Id\", \"AccountId\", \"CodeHash\", \"ExpiresAt\", \"IssuedAt\") FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (account, _) in prepared)
                {
                    var code = account.ActivationCodes[0];
                    await codes.StartRowAsync();
                    await codes.WriteAsync(code.Id, NpgsqlDbType.Uuid);
                    await codes.WriteAsync(account.Id.Value, NpgsqlDbType.Uuid);
                    await codes.WriteAsync(code.CodeHash, NpgsqlDbType.Varchar);
                    await codes.WriteAsync(code.ExpiresAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                    await codes.WriteAsync(code.IssuedAt.UtcDateTime, NpgsqlDbType.TimestampTz);
                }

                await codes.CompleteAsync();
            }

            await using (var audit = new NpgsqlCommand(
                "INSERT INTO \"AuditEvents\" (\"Details\", \"EstablishmentId\", \"OccurredAt\", \"Type\") VALUES (@details, @establishment, @at, @type)", connection, transaction))
            {
                audit.Parameters.AddWithValue("details", Invariant($"{prepared.Count} compte(s) créé(s) avec leur code, 0 mis à jour"));
                audit.Parameters.AddWithValue("establishment", establishmentId);
                audit.Parameters.AddWithValue("at", TimeProvider.System.GetUtcNow().UtcDateTime);
                audit.Parameters.AddWithValue("type", AuditTypes.RosterImported);
                await audit.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        var elapsed = clock.Elapsed.TotalMilliseconds;
        var peak = Machine.PeakResidentMb();
        var stored = await ReadStoredAsync(host);
        return new ChildResult("raw", rows, elapsed, peak, 0, 0, 0, stored.Accounts, stored.CodeCount);
    }

    private static Task WriteOrNullAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type) =>
        value is null ? importer.WriteNullAsync() : importer.WriteAsync(value, type);

    /// <summary>EF Core as it comes: one SaveChanges for everything, or (the floor) one per row.</summary>
    private static async Task<ChildResult> EfImportAsync(ServiceHost host, string csv, int rows, bool batch)
    {
        var (prepared, establishmentId) = await PrepareAsync(host, csv);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Ent77DbContext>();
        var clock = Stopwatch.StartNew();
        if (batch)
        {
            db.Accounts.AddRange(prepared.Select(p => p.Account));
            db.AuditEvents.Add(AuditEvent.Record(AuditTypes.RosterImported, TimeProvider.System.GetUtcNow(), establishmentId: establishmentId, details: "bench"));
            await db.SaveChangesAsync();
        }
        else
        {
            foreach (var p in prepared)
            {
                db.Accounts.Add(p.Account);
                await db.SaveChangesAsync();
            }
        }

        var elapsed = clock.Elapsed.TotalMilliseconds;
        var peak = Machine.PeakResidentMb();
        var stored = await ReadStoredAsync(host);
        return new ChildResult(batch ? "ef-batch" : "ef-loop", rows, elapsed, peak, 0, 0, 0, stored.Accounts, stored.CodeCount);
    }

    private sealed record StoredCode(string Identifier, string Hash, bool Live);

    private sealed record Stored(int Accounts, int CodeCount, Dictionary<string, StoredCode> Codes);

    private static async Task<Stored> ReadStoredAsync(ServiceHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Ent77DbContext>();
        var accounts = await db.Accounts.CountAsync();
        var codeCount = await db.Set<ActivationCode>().CountAsync();
        var now = TimeProvider.System.GetUtcNow();
        var codes = await db.Accounts.AsNoTracking()
            .SelectMany(a => a.ActivationCodes, (a, c) => new { a.Id, a.Identifier, c.CodeHash, Live = c.RevokedAt == null && c.ConsumedAt == null && c.ExpiresAt > now })
            .ToListAsync();
        return new Stored(accounts, codeCount, codes.ToDictionary(
            c => c.Id.Value.ToString("D").ToUpperInvariant(), c => new StoredCode(c.Identifier.Value, c.CodeHash, c.Live), StringComparer.Ordinal));
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))});";
        for (var i = 0; i < columns.Length; i++)
        {
            command.Parameters.Add(new SqliteParameter($"@p{i}", null));
        }

        command.Prepare();
        return command;
    }

    private static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
