using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Ent77.TestSupport;
using Ent77.TestSupport.Hosting;

namespace Ent77.FunctionalTests.Infrastructure;

/// <summary>A local HTTP listener playing the SMS gateway: it records every JSON message it is sent.</summary>
public sealed class LoopbackSmsGateway : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string To, string Text, string? Authorization)> _received = new();
    private readonly CancellationTokenSource _stop = new();

    public LoopbackSmsGateway()
    {
        Endpoint = new Uri($"http://127.0.0.1:{FreePort.Next()}/sms/");
        _listener.Prefixes.Add(Endpoint.ToString());
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; }

    public IReadOnlyCollection<(string To, string Text, string? Authorization)> Received => _received.ToArray();

    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Sms:Enabled"] = "true",
        ["Sms:Provider"] = "Http",
        ["Sms:Endpoint"] = Endpoint.ToString(),
        ["Sms:ApiKey"] = "cle-de-test",
    };

    public async Task<IReadOnlyList<(string To, string Text, string? Authorization)>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        await Eventually.HoldsWithinAsync(() => _received.Count >= count, timeout ?? TimeSpan.FromSeconds(15));
        return _received.ToArray();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }

            using (var reader = new StreamReader(context.Request.InputStream))
            {
                using var json = JsonDocument.Parse(await reader.ReadToEndAsync());
                _received.Enqueue((json.RootElement.GetProperty("to").GetString()!, json.RootElement.GetProperty("text").GetString()!, context.Request.Headers["Authorization"]));
            }

            context.Response.StatusCode = 202;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        _stop.Dispose();
    }
}
