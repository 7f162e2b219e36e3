using System.Diagnostics;
using System.Text.Json;

namespace Ent77.Benchmarks.Harness;

/// <summary>
/// Runs one measurement in a child process of this benchmark (its own memory, its own JIT), with the database
/// arguments of the run, and reads the result it wrote to <c>output</c> as JSON.
/// </summary>
internal static class ChildProcess
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<T> RunAsync<T>(string mode, IEnumerable<string> arguments, string output)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        foreach (var arg in arguments.Concat(BenchDatabase.ChildArguments))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || !File.Exists(output))
        {
            throw new InvalidOperationException($"The {mode} import child failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }

        return JsonSerializer.Deserialize<T>(await File.ReadAllTextAsync(output), Json)!;
    }
}
