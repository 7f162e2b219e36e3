using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Ent77.Benchmarks.Harness;

/// <summary>
/// A real SMTP server on a loopback port (the SmtpServer package, as in the functional tests) that records, for
/// every recipient, when each message arrived (Stopwatch ticks). Bodies are not parsed: counting is the point.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<long>> _arrivals = new(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private int _total;

    public SmtpSink()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add((SmtpServer.Net.IEndpointListenerFactory)new NoDelayEndpointListenerFactory());
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public int Total => Volatile.Read(ref _total);

    public Dictionary<string, string?> Settings => new(StringComparer.Ordinal)
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Smtp:Security"] = "None",
        ["Smtp:From"] = "ENT 77 <ne-pas-repondre@ent77.bench>",
    };

    public int CountFor(string recipient) => _arrivals.TryGetValue(recipient, out var q) ? q.Count : 0;

    public IReadOnlyList<long> ArrivalsOf(string recipient) => _arrivals.TryGetValue(recipient, out var q) ? [.. q] : [];

    /// <summary>Arrival ticks of every message to a recipient starting with <paramref name="prefix"/>.</summary>
    public Dictionary<string, long[]> ByPrefix(string prefix) => _arrivals
        .Where(p => p.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        .ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits until <paramref name="condition"/> holds or the time is up; true when it held.</summary>
    public static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout, int pollMilliseconds = 2)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(pollMilliseconds);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        _stop.Dispose();
    }

    private void Record(IEnumerable<string> recipients)
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var recipient in recipients)
        {
            _arrivals.GetOrAdd(recipient, _ => new ConcurrentQueue<long>()).Enqueue(now);
            Interlocked.Increment(ref _total);
        }
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            sink.Record(transaction.To.Select(m => $"{m.User}@{m.Host}"));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
