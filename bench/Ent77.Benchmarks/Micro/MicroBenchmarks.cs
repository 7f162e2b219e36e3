using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Ent77.Application.Accounts.GetResetChannels;
using Ent77.Benchmarks.Harness;
using Ent77.Application.Administration;
using Ent77.Domain.Accounts;
using Ent77.Infrastructure.Administration;
using Ent77.Infrastructure.Security;
using Ent77.WebApi.Hosting;
using Mediator;
using BenchmarkReport = Ent77.Benchmarks.Harness.BenchmarkReport;
using Microsoft.Extensions.Options;

namespace Ent77.Benchmarks;

/// <summary>5. Micro-benchmarks (BenchmarkDotNet, in process, with allocations) of the hot pieces of the use cases.</summary>
public static class MicroBenchmarks
{
    private static readonly Type[] All = [typeof(IdentifierBenchmarks), typeof(CodeBenchmarks), typeof(CsvBenchmarks), typeof(MediatorBenchmarks)];

    internal static int Run(string[] filter, bool smoke)
    {
        var artifacts = Path.Combine(Paths.SmokeDirectory, "BenchmarkDotNet");
        var job = Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(smoke ? 3 : 15);
        var config = ManualConfig.Create(DefaultConfig.Instance)
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile);
        var types = filter.Length == 0 ? All : All.Where(t => filter.Any(f => t.Name.Contains(f, StringComparison.OrdinalIgnoreCase))).ToArray();
        var summaries = BenchmarkRunner.Run(types, config);
        var report = new BenchmarkReport("micro", "5. Micro-benchmarks");
        foreach (var summary in summaries)
        {
            foreach (var run in summary.Reports)
            {
                var mean = run.ResultStatistics?.Median ?? double.NaN;
                var allocated = run.GcStats.GetBytesAllocatedPerOperation(run.BenchmarkCase) ?? 0;
                var name = $"{run.BenchmarkCase.Descriptor.Type.Name}.{run.BenchmarkCase.Descriptor.WorkloadMethod.Name}";
                report.Rows.Add(new ResultRow("Micro", name, mean < 10_000 ? mean : mean / 1000, mean < 10_000 ? "ns" : "µs", null, null, null,
                    string.Create(CultureInfo.InvariantCulture, $"allocated {allocated:N0} B/op"), null));
                report.Sample(name + ".ns", mean);
                report.Sample(name + ".bytes", allocated);
            }
        }

        report.Notes.Add("BenchmarkDotNet 0.15.8, in-process emit toolchain, 3 warm-ups and 15 iterations; figures are medians per operation (CSV: per row).");
        if (report.Rows.Count > 0)
        {
            Console.WriteLine(ReportWriter.Table(report.Rows));
            ReportWriter.Write(smoke ? Paths.SmokeDirectory : Paths.ResultsDirectory, "micro", "micro", Machine.Current(), [report]);
        }

        return summaries.All(s => !s.HasCriticalValidationErrors && s.Reports.All(r => r.Success)) ? 0 : 1;
    }

    /// <summary>Each benchmark body once, with its result checked: what the smoke run executes.</summary>
    internal static BenchmarkReport Smoke()
    {
        var report = new BenchmarkReport("micro", "5. Micro-benchmarks (smoke: each body once)");
        var identifiers = new IdentifierBenchmarks();
        report.Check(identifiers.BaseForCompound().Value == "marie-clementine.laetitia-boeuf-dalmeida", $"identifier normalisation gave {identifiers.BaseForCompound().Value}");
        report.Check(identifiers.TryParseTyped(), "a typed identifier did not parse");
        var codes = new CodeBenchmarks();
        codes.Setup();
        report.Check(codes.Generate().Canonical.Length == ActivationCodeValue.Length, "a generated code has the wrong length");
        report.Check(codes.Hmac().Length == 64, "the code HMAC is not 64 hex characters");
        var csv = new CsvBenchmarks();
        csv.Setup();
        report.Check(csv.ParseRows().GetAwaiter().GetResult() == CsvBenchmarks.Rows, "the CSV benchmark did not read every row");
        var mediator = new MediatorBenchmarks();
        mediator.Setup();
        try
        {
            report.Check(mediator.SendInNewScope().GetAwaiter().GetResult().Contains("email"), "the mediator did not answer the reset channels");
        }
        finally
        {
            mediator.Cleanup();
        }

        report.Rows.Add(new ResultRow("Micro (smoke)", "benchmark bodies run once and checked", 4 - report.Failures.Count, "count", null, null, null, "all", report.Failures.Count == 0));
        return report;
    }
}

[MemoryDiagnoser]
public class IdentifierBenchmarks
{
    [Benchmark(Description = "Identifier.BaseFor simple")]
    public Identifier BaseForSimple() => Identifier.BaseFor("Jean", "Martin");

    [Benchmark(Description = "Identifier.BaseFor accents, ligatures, particles")]
    public Identifier BaseForCompound() => Identifier.BaseFor("Marie-Clémentine", "Lætitia-Bœuf d'Almeida");

    [Benchmark(Description = "Identifier.TryParse typed")]
    public bool TryParseTyped() => Identifier.TryParse("  Hélène.DUPONT ", out _);
}

[MemoryDiagnoser]
public class CodeBenchmarks
{
    private HmacActivationCodeHasher _hasher = null!;
    private ActivationCodeValue _code = null!;

    [GlobalSetup]
    public void Setup()
    {
        _hasher = new HmacActivationCodeHasher(CodeKey.FromBase64(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))));
        _code = ActivationCodeValue.Generate();
    }

    [Benchmark(Description = "ActivationCodeValue.Generate")]
    public ActivationCodeValue Generate() => ActivationCodeValue.Generate();

    [Benchmark(Description = "HMAC-SHA256 of a code")]
    public string Hmac() => _hasher.Hash(_code);

    [Benchmark(Description = "ActivationCodeValue.TryParse typed")]
    public bool Parse() => ActivationCodeValue.TryParse("7k2m-q9xa-bc3d", out _);
}

[MemoryDiagnoser]
public class CsvBenchmarks
{
    public const int Rows = 1_000;
    private CsvRosterReader _reader = null!;
    private byte[] _csv = [];

    [GlobalSetup]
    public void Setup()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        _reader = new CsvRosterReader(Options.Create(new RosterOptions()));
        _csv = Roster.GenerateUtf8(Rows);
    }

    [Benchmark(Description = "CsvRosterReader and RosterValidator, per row", OperationsPerInvoke = Rows)]
    public async Task<int> ParseRows()
    {
        using var stream = new MemoryStream(_csv, writable: false);
        var roster = RosterValidator.Validate(await _reader.ReadAsync(stream, CancellationToken.None), new DateOnly(2026, 9, 1));
        return roster.IsValid ? roster.Rows.Count : -1;
    }
}

[MemoryDiagnoser]
public class MediatorBenchmarks
{
    private static readonly GetResetChannelsQuery Query = new();
    private WebApplication _app = null!;
    private AsyncServiceScope _scope;
    private ISender _sender = null!;
    private string _data = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _data = Paths.NewTempDirectory("mediator");
        _app = WebApp.Build([.. ServiceHost.Settings(_data).Select(s => $"--{s.Key}={s.Value}")]);
        _scope = _app.Services.CreateAsyncScope();
        _sender = _scope.ServiceProvider.GetRequiredService<ISender>();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
        Paths.TryDelete(_data);
    }

    [Benchmark(Description = "ISender.Send query through the 4 behaviours, same scope")]
    public ValueTask<IReadOnlyList<string>> SendInScope() => _sender.Send(Query);

    [Benchmark(Description = "ISender.Send query, new DI scope per request")]
    public async Task<IReadOnlyList<string>> SendInNewScope()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(Query);
    }
}
