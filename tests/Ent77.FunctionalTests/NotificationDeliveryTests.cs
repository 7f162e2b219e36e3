using System.Net;
using System.Net.Http.Json;
using Ent77.FunctionalTests.Infrastructure;
using Ent77.Infrastructure.Notifications;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Ent77.TestSupport.Eventually;

namespace Ent77.FunctionalTests;

/// <summary>docs/DOMAIN.md "Notifications": nothing lost, nothing sent twice, nothing sent for a change that was rolled back.</summary>
public sealed class RelayDownTests : MailTest
{
    protected override bool SmtpUpAtStart => false;

    [Fact]
    public async Task WhenTheRelayIsDown_RequestsStillAnswer202_AndEveryMessageIsDeliveredOnceItIsBack()
    {
        var client = Factory.CreateApiClient();
        var account = await Factory.CreateActiveAccountAsync(client);
        for (var i = 0; i < 2; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/password-reset", new { identifier = account.Identifier, channel = "email" })).StatusCode);
        }

        await WaitUntilAsync(async () => await Factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.Attempts > 0 && n.LastError != null)) == 3);
        var failed = await Factory.WithDbAsync(db => db.Notifications.AsNoTracking().ToListAsync());
        Assert.All(failed, n => Assert.Null(n.SentAt));
        Assert.All(failed, n => Assert.NotNull(n.ProtectedSecret)); // kept for the retry

        Smtp.Start();

        var delivered = await Smtp.WaitForAsync("helene.parent@example.fr", 3, TimeSpan.FromSeconds(30));
        await QuietPeriod();
        Assert.Equal(3, Smtp.To("helene.parent@example.fr").Count); // welcome + two resets, once each
        Assert.Equal(2, delivered.Count(m => m.Subject!.Contains("réinitialisation", StringComparison.Ordinal)));
        await WaitUntilAsync(async () => await Factory.WithDbAsync(db => db.Notifications.AllAsync(n => n.SentAt != null)));
    }
}

public sealed class ExactlyOnceTests : MailTest
{
    [Fact]
    public async Task ParallelActivations_TheRolledBackOnesSendNoWelcome()
    {
        var pending = await Factory.CreatePendingAccountAsync();
        var attempts = Enumerable.Range(0, 10).Select(_ => Factory.CreateApiClient())
            .Select(c => c.PostAsJsonAsync("/api/activation", Requests.Activation(pending.Identifier, pending.Code)));

        var responses = await Task.WhenAll(attempts);

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        await Smtp.WaitForAsync("helene.parent@example.fr");
        await QuietPeriod();
        Assert.Single(Smtp.To("helene.parent@example.fr"));
        Assert.Equal(1, await Factory.WithDbAsync(db => db.Notifications.CountAsync()));
    }

    [Fact]
    public async Task ADeliveryJobRunTwice_SendsOnce()
    {
        await Factory.CreateActiveAccountAsync(Factory.CreateApiClient());
        await Smtp.WaitForAsync("helene.parent@example.fr");
        var id = await Factory.WithDbAsync(db => db.Notifications.Select(n => n.Id).SingleAsync());

        var jobs = Factory.Services.GetRequiredService<IBackgroundJobClient>();
        jobs.Enqueue<NotificationDeliveryJob>(job => job.DeliverAsync(id, CancellationToken.None));
        jobs.Enqueue<NotificationDeliveryJob>(job => job.DeliverAsync(id, CancellationToken.None));
        await QuietPeriod();

        Assert.Single(Smtp.To("helene.parent@example.fr"));
    }
}
