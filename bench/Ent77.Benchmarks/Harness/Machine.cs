using System.Globalization;
using System.Runtime.InteropServices;

namespace Ent77.Benchmarks.Harness;

/// <summary>The machine a run happened on (nproc, CPU model, memory, .NET, OS).</summary>
internal sealed record Machine(int Cores, string Cpu, long MemoryMb, string Runtime, string Os, string Configuration)
{
    public static Machine Current()
    {
        var cpu = "unknown";
        long memory = 0;
        if (File.Exists("/proc/cpuinfo"))
        {
            cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? cpu;
        }

        if (File.Exists("/proc/meminfo"))
        {
            var total = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            if (total is not null)
            {
                memory = long.Parse(total.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
        }

#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        return new Machine(Environment.ProcessorCount, cpu, memory, RuntimeInformation.FrameworkDescription, RuntimeInformation.OSDescription, configuration);
    }

    public string Describe() =>
        $"{Cores} cores ({Cpu}), {MemoryMb:N0} MB RAM, {Runtime}, {Os}, {Configuration} build";

    /// <summary>The 1-, 5- and 15-minute load averages (/proc/loadavg), as <c>uptime</c> shows them: the machine is shared.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The process's peak resident set (VmHWM) in MB, from /proc/self/status (0 where unavailable).</summary>
    public static double PeakResidentMb()
    {
        const string file = "/proc/self/status";
        if (!File.Exists(file))
        {
            return Environment.WorkingSet / 1024.0 / 1024.0;
        }

        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }
}
