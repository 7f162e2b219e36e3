using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Ent77.BrowserTests.Infrastructure;

/// <summary>
/// The real service (<c>Program</c>) on Kestrel at <c>http://127.0.0.1:{port}</c>, so that a real browser can reach it:
/// environment "Testing", its own SQLite file in a temporary folder, settings like the functional tests'.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    private readonly IDictionary<string, string?> _settings;

    public PortalFactory(IDictionary<string, string?> settings, int port)
    {
        _settings = settings;
        UseKestrel(options => options.Listen(IPAddress.Loopback, port));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(_settings));
    }
}
