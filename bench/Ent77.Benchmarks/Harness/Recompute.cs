using System.Globalization;
using System.Text.Json;

namespace Ent77.Benchmarks.Harness;

/// <summary>
/// Mode <c>stats &lt;results.json&gt;</c>: every figure of docs/PERFORMANCE.md again, from the stored samples alone: for each
/// sample series its count, median, p95, p99 (nearest rank, as the harness computes them), min and max; for a series of
/// HTTP statuses (<c>*.status</c>) the count of each status.
/// </summary>
internal static class Recompute
{
    public static int Run(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        foreach (var benchmark in document.RootElement.GetProperty("benchmarks").EnumerateArray())
        {
            Console.WriteLine($"## {benchmark.GetProperty("title").GetString()}");
            foreach (var series in benchmark.GetProperty("samples").EnumerateObject())
            {
                var values = series.Value.EnumerateArray().Select(v => v.GetDouble()).ToArray();
                if (series.Name.EndsWith(".status", StringComparison.Ordinal))
                {
                    var counts = values.GroupBy(v => (int)v).OrderBy(g => g.Key).Select(g => Invariant($"{g.Key}×{g.Count()}"));
                    Console.WriteLine(Invariant($"{series.Name}: n={values.Length} {string.Join(" ", counts)}"));
                    continue;
                }

                Console.WriteLine(Invariant(
                    $"{series.Name}: n={values.Length} median={Stats.Median(values):0.###} p95={Stats.Percentile(values, 95):0.###} p99={Stats.Percentile(values, 99):0.###} min={values.DefaultIfEmpty().Min():0.###} max={values.DefaultIfEmpty().Max():0.###}"));
            }
        }

        return 0;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
