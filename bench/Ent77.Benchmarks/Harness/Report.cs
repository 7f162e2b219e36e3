using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Ent77.Benchmarks.Harness;

/// <summary>One line of a result table: a measured figure, its baseline from the same run, their ratio and the target.</summary>
internal sealed record ResultRow(
    string Benchmark,
    string Measure,
    double Figure,
    string Unit,
    string? BaselineName,
    double? Baseline,
    double? Ratio,
    string Target,
    bool? Met,
    string? Note = null)
{
    public string FigureText => Format(Figure, Unit);

    public string BaselineText => Baseline is { } b ? $"{Format(b, Unit)} ({BaselineName})" : BaselineName ?? "—";

    public string RatioText => Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "—";

    public string MetText => Met switch { true => "met", false => "NOT met", null => "—" };

    public static string Format(double value, string unit) => unit switch
    {
        "s" => value.ToString("0.00", CultureInfo.InvariantCulture) + " s",
        "ms" => value.ToString(value < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + " ms",
        "µs" or "ns" => value.ToString("0.0", CultureInfo.InvariantCulture) + " " + unit,
        "MB" => value.ToString("0", CultureInfo.InvariantCulture) + " MB",
        "req/s" or "msg/s" or "rows/s" => value.ToString("0.0", CultureInfo.InvariantCulture) + " " + unit,
        "count" => value.ToString("0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture) + (unit.Length > 0 ? " " + unit : string.Empty),
    };
}

/// <summary>What one benchmark found: its table, the raw samples of each repetition and free notes.</summary>
internal sealed class BenchmarkReport(string name, string title)
{
    public string Name { get; } = name;

    public string Title { get; } = title;

    public List<ResultRow> Rows { get; } = [];

    public Dictionary<string, List<double>> Samples { get; } = new(StringComparer.Ordinal);

    public List<string> Notes { get; } = [];

    /// <summary>Correctness failures (codes that do not verify, messages lost or doubled, HTTP errors…).</summary>
    public List<string> Failures { get; } = [];

    public void Sample(string key, double value)
    {
        if (!Samples.TryGetValue(key, out var list))
        {
            Samples[key] = list = [];
        }

        list.Add(value);
    }

    public void Check(bool condition, string failure)
    {
        if (!condition)
        {
            Failures.Add(failure);
        }
    }
}

/// <summary>Prints the tables and writes <c>&lt;name&gt;.json</c> and <c>&lt;name&gt;.md</c>.</summary>
internal static class ReportWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Table(IEnumerable<ResultRow> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| benchmark | measure | figure | baseline (same run) | ratio | target | status |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Benchmark} | {row.Measure} | {row.FigureText} | {row.BaselineText} | {row.RatioText} | {row.Target} | {row.MetText} |");
        }

        return text.ToString();
    }

    public static void Write(string directory, string name, string mode, Machine machine, IReadOnlyList<BenchmarkReport> reports)
    {
        Directory.CreateDirectory(directory);
        var document = new
        {
            name,
            mode,
            startedAt = DateTimeOffset.UtcNow,
            machine,
            benchmarks = reports.Select(r => new
            {
                r.Name,
                r.Title,
                rows = r.Rows.Select(row => new
                {
                    row.Benchmark,
                    row.Measure,
                    row.Figure,
                    row.Unit,
                    row.BaselineName,
                    row.Baseline,
                    row.Ratio,
                    row.Target,
                    row.Met,
                    row.Note,
                }),
                r.Samples,
                r.Notes,
                r.Failures,
            }),
        };
        File.WriteAllText(Path.Combine(directory, name + ".json"), JsonSerializer.Serialize(document, Json));

        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# ENT 77 benchmarks — {name} ({mode})");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine.Describe()}");
        md.AppendLine();
        md.Append(Table(reports.SelectMany(r => r.Rows)));
        foreach (var report in reports)
        {
            if (report.Notes.Count == 0 && report.Failures.Count == 0)
            {
                continue;
            }

            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {report.Title}");
            md.AppendLine();
            foreach (var note in report.Notes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }

            foreach (var failure in report.Failures)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- FAILURE: {failure}");
            }
        }

        File.WriteAllText(Path.Combine(directory, name + ".md"), md.ToString());
    }
}

internal static class Stats
{
    public static double Median(IEnumerable<double> values) => Percentile(values, 50);

    /// <summary>Nearest-rank percentile (p in 0–100).</summary>
    public static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
