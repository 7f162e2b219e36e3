using System.Diagnostics;
using Ent77.Benchmarks.Harness;
using Ent77.Benchmarks;
using Ent77.Benchmarks.Scenarios;

// The service's benchmarks (docs/PERFORMANCE.md). From the repository root:
//   dotnet run -c Release --project bench/Ent77.Benchmarks -- all      every benchmark, full sizes (several minutes), then micro
//   dotnet run -c Release --project bench/Ent77.Benchmarks -- smoke    tiny sizes in seconds; exits 1 when a correctness check fails
//   dotnet run -c Release --project bench/Ent77.Benchmarks -- micro    BenchmarkDotNet micro-benchmarks only
//   dotnet run -c Release --project bench/Ent77.Benchmarks -- import|sign-in|notifications|api   one scenario, full size
//   dotnet run -c Release --project bench/Ent77.Benchmarks -- siecle [collèges] [repetitions]     SIECLE import against the CSV of the same people
//   dotnet run -c Release --project bench/Ent77.Benchmarks -- rush [final s] [search s] [rates] --database postgres   the September rush
// Add `--database postgres` (anywhere) to run the service on PostgreSQL instead of SQLite (Harness/BenchDatabase.cs).
args = BenchDatabase.Parse(args);
if (args.Length > 0 && args[0] == ImportBenchmark.ChildCommand)
{
    return await ImportBenchmark.ChildAsync(args);
}

if (args.Length > 0 && args[0] == SchoolExportBenchmark.ChildCommand)
{
    return await SchoolExportBenchmark.ChildAsync(args);
}

if (args.Length == 3 && args[0] == "roster")
{
    // The generated roster alone (to import by hand or to profile): roster <rows> <file>.
    await File.WriteAllBytesAsync(args[2], Roster.GenerateUtf8(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture)));
    return 0;
}

if (args.Length == 2 && args[0] == "stats")
{
    // Every figure again from the stored samples: stats bench/results/<name>.json
    return Recompute.Run(args[1]);
}

if (args.Length == 1 && args[0] == "smtp-probe")
{
    return await SmtpProbe.RunAsync();
}

var mode = args.Length > 0 ? args[0] : "all";
var known = new[] { "all", "smoke", "micro", "import", "sign-in", "notifications", "api", "rush", "siecle" };
if (!known.Contains(mode))
{
    Console.Error.WriteLine($"Unknown mode '{mode}'. Use one of: {string.Join(", ", known)}.");
    return 2;
}

if (mode == "micro")
{
    return MicroBenchmarks.Run(args.Skip(1).ToArray(), smoke: false);
}

var smoke = mode == "smoke";
var machine = Machine.Current();
Console.WriteLine($"ENT 77 benchmarks, mode {mode}, database {BenchDatabase.Name}: {machine.Describe()}");
var clock = Stopwatch.StartNew();
var reports = new List<BenchmarkReport>();
bool Wants(string name) => mode is "all" or "smoke" || mode == name;

if (Wants("import"))
{
    reports.Add(smoke
        ? await ImportBenchmark.RunAsync(rows: 300, repetitions: 1, loopRows: 50)
        : await ImportBenchmark.RunAsync(
            rows: args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000,
            repetitions: args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3,
            loopRows: 1_000));
}

if (Wants("sign-in"))
{
    reports.Add(smoke
        ? await SignInBenchmark.RunAsync(accounts: 4, hashSamples: 3, duration: TimeSpan.FromSeconds(2), repetitions: 1, halfLoadDuration: TimeSpan.FromSeconds(2))
        : await SignInBenchmark.RunAsync(
            accounts: 32,
            hashSamples: 21,
            duration: TimeSpan.FromSeconds(mode == "sign-in" && args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20),
            repetitions: mode == "sign-in" && args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3,
            halfLoadDuration: TimeSpan.FromSeconds(mode == "sign-in" && args.Length > 1 ? 2 * double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 40)));
}

if (Wants("notifications"))
{
    reports.Add(smoke
        ? await NotificationBenchmark.RunAsync(messages: 40, repetitions: 1, idleSamples: 2)
        : await NotificationBenchmark.RunAsync(
            messages: mode == "notifications" && args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10_000,
            repetitions: mode == "notifications" && args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3,
            idleSamples: 20));
}

if (Wants("api"))
{
    reports.Add(smoke
        ? await ApiOverheadBenchmark.RunAsync(duration: TimeSpan.FromSeconds(1), repetitions: 1, halfLoadDuration: TimeSpan.FromSeconds(1))
        : await ApiOverheadBenchmark.RunAsync(
            duration: TimeSpan.FromSeconds(mode == "api" && args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10),
            repetitions: mode == "api" && args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3,
            halfLoadDuration: TimeSpan.FromSeconds(20)));
}

if (Wants("siecle"))
{
    // siecle [collèges, 100] [repetitions, 3]: one generated collège, then that many in turn, SIECLE against the same people's CSV.
    reports.Add(smoke
        ? await SchoolExportBenchmark.RunAsync(schools: 2, repetitions: 1, students: 60)
        : await SchoolExportBenchmark.RunAsync(
            schools: mode == "siecle" && args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100,
            repetitions: mode == "siecle" && args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3,
            students: 1000));
}

if (mode == "rush")
{
    // rush [final seconds, 180] [search seconds, 60] [rates to try, comma-separated; else a search from 60 % of the hashing bound]
    double Seconds(int index, double fallback) => args.Length > index ? double.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    var rates = args.Length > 3 ? args[3].Split(',').Select(r => double.Parse(r, System.Globalization.CultureInfo.InvariantCulture)).ToList() : null;
    reports.Add(await RushBenchmark.RunAsync(TimeSpan.FromSeconds(Seconds(1, 180)), TimeSpan.FromSeconds(Seconds(2, 60)), rates, importRows: 5_000));
}

if (smoke)
{
    // The micro-benchmarks' bodies once each, so that they never rot (BenchmarkDotNet itself runs in `micro` and `all`).
    reports.Add(MicroBenchmarks.Smoke());
}

var failures = reports.SelectMany(r => r.Failures.Select(f => $"{r.Title}: {f}")).ToList();
Console.WriteLine();
Console.WriteLine(ReportWriter.Table(reports.SelectMany(r => r.Rows)));
var name = (smoke ? "smoke" : mode == "all" ? "full" : mode) + (BenchDatabase.Postgres ? "-postgres" : string.Empty);
var directory = smoke ? Paths.SmokeDirectory : Paths.ResultsDirectory;
ReportWriter.Write(directory, name, mode, machine, reports);
Console.WriteLine($"Results: {Path.Combine(directory, name)}.json and .md ({clock.Elapsed.TotalSeconds:0} s)");

if (mode == "all")
{
    MicroBenchmarks.Run(Array.Empty<string>(), smoke: false);
}

foreach (var failure in failures)
{
    Console.Error.WriteLine($"FAILED: {failure}");
}

return failures.Count == 0 ? 0 : 1;
