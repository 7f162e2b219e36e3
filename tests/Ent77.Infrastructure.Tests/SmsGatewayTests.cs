using System.Net;
using System.Text.Json;
using Ent77.Infrastructure.Notifications;
using Ent77.TestSupport.Hosting;
using Microsoft.Extensions.Options;

namespace Ent77.Infrastructure.Tests;

/// <summary>The HTTP SMS adapter against a real HTTP listener on loopback.</summary>
public sealed class SmsGatewayTests : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Uri _endpoint;

    public SmsGatewayTests()
    {
        var port = FreePort.Next();
        _endpoint = new Uri($"http://127.0.0.1:{port}/sms/");
        _listener.Prefixes.Add(_endpoint.ToString());
        _listener.Start();
    }

    private HttpSmsSender Sender() => new(new HttpClient(), Options.Create(new SmsOptions { Enabled = true, Provider = "Http", Endpoint = _endpoint, ApiKey = "secret-key" }));

    [Fact]
    public async Task Send_PostsJsonWithTheBearerKey()
    {
        var received = ServeOnceAsync(HttpStatusCode.Accepted);

        await Sender().SendAsync("+33612345678", "Votre code : 123456", default);

        var (authorization, body) = await received;
        Assert.Equal("Bearer secret-key", authorization);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("+33612345678", json.RootElement.GetProperty("to").GetString());
        Assert.Equal("Votre code : 123456", json.RootElement.GetProperty("text").GetString());
        Assert.Equal("ENT77", json.RootElement.GetProperty("sender").GetString());
    }

    [Fact]
    public async Task Send_WhenTheGatewayRefuses_Throws()
    {
        _ = ServeOnceAsync(HttpStatusCode.ServiceUnavailable);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => Sender().SendAsync("+33612345678", "x", default));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
    }

    private async Task<(string? Authorization, string Body)> ServeOnceAsync(HttpStatusCode status)
    {
        var context = await _listener.GetContextAsync();
        using var reader = new StreamReader(context.Request.InputStream);
        var body = await reader.ReadToEndAsync();
        var authorization = context.Request.Headers["Authorization"];
        context.Response.StatusCode = (int)status;
        context.Response.Close();
        return (authorization, body);
    }

    public void Dispose() => _listener.Close();
}
