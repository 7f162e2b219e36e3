using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Ent77.TestSupport.Hosting;

/// <summary>
/// The service as production runs it: its built <c>Ent77.WebApi.dll</c> started with <c>dotnet</c> in a process of its
/// own, configured by environment variables only, on real Kestrel at a free loopback port. <see cref="Kill"/> is a
/// real SIGKILL: no shutdown hook, no flush, no rollback but the database's own.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;

    private ServiceProcess(string name, Process process, ConcurrentQueue<string> output, Uri baseAddress)
    {
        Name = name;
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
    }

    public string Name { get; }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Everything the process wrote (standard output and error), for the failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, _output);

    /// <summary>The service's dll, built beside the test assembly (the test project references the WebApi project).</summary>
    public static string WebApiDll => Path.Combine(AppContext.BaseDirectory, "Ent77.WebApi.dll");

    /// <summary>Starts an instance and waits until <c>/health/ready</c> answers 200 (its database and job storage answer).</summary>
    public static async Task<ServiceProcess> StartAsync(string name, IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var port = FreePort.Next();
        var start = StartInfo(settings);
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var output = new ConcurrentQueue<string>();
        var process = Launch(start, output);
        var service = new ServiceProcess(name, process, output, new Uri($"http://127.0.0.1:{port}"));
        await service.WaitUntilReadyAsync();
        return service;
    }

    /// <summary>Runs the same executable's command line (<c>migrate</c>, <c>establishments add</c>…) to its end.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(IDictionary<string, string?> settings, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var start = StartInfo(settings);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var output = new ConcurrentQueue<string>();
        using var process = Launch(start, output);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        process.WaitForExit(); // the output streams are drained
        return (process.ExitCode, string.Join(Environment.NewLine, output));
    }

    /// <summary>
    /// A client of this instance with the CSRF header set; give several clients one <paramref name="session"/> to play
    /// one browser whose requests reach different instances.
    /// </summary>
    public HttpClient CreateClient(SessionJar? session = null) => new((session ?? new SessionJar()).Handler(new SocketsHttpHandler
    {
        UseCookies = false,
        AllowAutoRedirect = false,
        UseProxy = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
    }))
    {
        BaseAddress = BaseAddress,
        Timeout = TimeSpan.FromSeconds(100),
        DefaultRequestHeaders = { { "X-Requested-With", "XMLHttpRequest" } },
    };

    /// <summary>SIGKILL, then waits for the process to be gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the host stops its job server and its requests in order.
            using (var term = Process.Start(new ProcessStartInfo("kill", $"-TERM {_process.Id}") { UseShellExecute = false }))
            {
                await term!.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Kill();
            }
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Instance {Name} exited ({_process.ExitCode}) before it was ready:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // not answering yet
            }

            if (clock.Elapsed > ReadyTimeout)
            {
                Kill();
                throw new TimeoutException($"Instance {Name} was not ready after {ReadyTimeout.TotalSeconds} s:{Environment.NewLine}{Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// <c>dotnet Ent77.WebApi.dll</c> with the settings as environment variables (<c>Smtp:Port</c> → <c>Smtp__Port</c>),
    /// its content root beside the dll (appsettings.json), in the Testing environment unless the settings say otherwise.
    /// </summary>
    private static ProcessStartInfo StartInfo(IDictionary<string, string?> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(WebApiDll);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_", StringComparison.Ordinal) || k.Contains("__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key); // nothing of the test runner's own host settings
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_CONTENTROOT"] = AppContext.BaseDirectory;
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    private static Process Launch(ProcessStartInfo start, ConcurrentQueue<string> output)
    {
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 2_000)
        {
            output.TryDequeue(out _);
        }
    }

    /// <summary>Settings values as the configuration reads them.</summary>
    public static string Invariant(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);
}
