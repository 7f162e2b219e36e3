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

    [Fact]
    public async Task WrongAndNewPasswords_AreWatchedWithoutBeingRegistered_AndALeakIntoTheOutboxIsSeen()
    {
        var client = _factory.CreateApiClient();
        var account = await _factory.CreateActiveAccountAsync(client);
        await client.PostAsJsonAsync("/api/auth/sign-in", Requests.SignIn(account.Identifier, "Tournesol-Faux-77"));
        await client.PostAsJsonAsync("/api/account/password", new { currentPassword = "Violette-2012", newPassword = "Capucine-Neuve-88", newPasswordConfirmation = "Capucine-Neuve-88" });
        Assert.Contains("Tournesol-Faux-77", _factory.Secrets.Secrets);
        Assert.Contains("Capucine-Neuve-88", _factory.Secrets.Secrets);
        await _factory.Secrets.AssertNothingLeakedAsync(_factory);

        await _factory.WithScopeAsync(async sp =>
        {
            sp.GetRequiredService<Ent77.Application.Notifications.INotificationOutbox>().Enqueue(
                Ent77.Application.Notifications.MessageRecipient.Email("x@example.fr"),
                new Ent77.Application.Notifications.Messages.PasswordChangedMessage("Capucine-Neuve-88", "x"));
            await sp.GetRequiredService<Ent77.Infrastructure.Persistence.Ent77DbContext>().SaveChangesAsync();
            return 0;
        });

        var seen = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => _factory.Secrets.AssertNothingLeakedAsync(_factory));
        Assert.Contains("outbox:", seen.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALeakIntoTheJobStore_IsSeen_AndAnSmsCodeOnlyAsANumberOfItsOwn()
    {
        _ = _factory.Services;
        _factory.Secrets.Register("483920");
        await _factory.Secrets.AssertNothingLeakedAsync(_factory);

        Hangfire.BackgroundJobClientExtensions.Schedule(_factory.Services.GetRequiredService<Hangfire.IBackgroundJobClient>(), () => Console.WriteLine("code 483920"), TimeSpan.FromDays(1));

        var seen = await Assert.ThrowsAsync<Xunit.Sdk.TrueException>(() => _factory.Secrets.AssertNothingLeakedAsync(_factory));
        Assert.Contains("job store", seen.Message, StringComparison.Ordinal);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
