using System.Net.Http.Json;
using Ent77.FunctionalTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ent77.FunctionalTests;

/// <summary>
/// The log watch that every functional test ends with (see <see cref="FunctionalTest"/>) can see a leak, or it
/// would prove nothing. This class has its own service, since it leaks on purpose.
/// </summary>
public sealed class SecretWatchTests : IAsyncLifetime
{
    private readonly Ent77Factory _factory = new();

    [Fact]
    public async Task AJourney_LeavesNoSecretInTheLogs_AndALeakWouldBeSeen()
    {
        var client = _factory.CreateApiClient();
        var account = await _factory.CreateActiveAccountAsync(client);
        await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, "Mauvais-Mot-2012"));
        _factory.Secrets.Register("Mauvais-Mot-2012");
        Assert.NotEmpty(_factory.Secrets.Lines);
        await _factory.Secrets.AssertNothingLeakedAsync(_factory);

#pragma warning disable CA1848 // a deliberate leak, written the careless way
        _factory.Services.GetRequiredService<ILogger<SecretWatchTests>>().LogWarning("Code reçu : {Code}", account.Code);
#pragma warning restore CA1848

        await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => _factory.Secrets.AssertNothingLeakedAsync(_factory));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
