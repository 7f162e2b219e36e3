using Ent77.Application.Common;
using System.Text.Json;
using Ent77.Application.Notifications;
using Ent77.Application.Notifications.Messages;
using Ent77.Domain.Common;
using Ent77.Domain.Notifications;
using Ent77.Infrastructure.Notifications;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using NSubstitute;

namespace Ent77.Infrastructure.Tests;

/// <summary>The outbox and its delivery job on a real SQLite file, with a recording e-mail sender.</summary>
public sealed class NotificationTests : IAsyncLifetime
{
    private readonly OutboxSecretProtector _protector = new(new EphemeralDataProtectionProvider());
    private readonly RecordingEmailSender _email = new();
    private readonly JobsOptions _jobs = new() { RetryBaseDelay = TimeSpan.FromSeconds(10), MaxAttempts = 3 };
    private SqliteDatabase _database = null!;

    public async ValueTask InitializeAsync() => _database = await SqliteDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _database.DisposeAsync();

    private MessageRenderers Renderer() => new(
        Options.Create(new AppOptions { Name = "ENT 77", PublicBaseUrl = "https://ent77.example/" }),
        Options.Create(new RecoveryOptions()),
        Options.Create(new SmtpOptions()));

    private NotificationDeliveryJob DeliveryJob(Persistence.Ent77DbContext context) => new(
        context, new Persistence.SqliteWriteGate(), Renderer(), _email, Substitute.For<ISmsSender>(), _protector, _database.Jobs, Options.Create(_jobs), _database.Time,
        new Observability.Ent77Metrics(
            new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(),
            Substitute.For<IServiceScopeFactory>(), _database.Time),
        NullLogger<NotificationDeliveryJob>.Instance);

    private async Task<Guid> EnqueueResetLinkAsync(string token = "TOKEN-123")
    {
        await using var context = _database.NewContext();
        new NotificationOutbox(context, _protector, _database.Time).Enqueue(
            MessageRecipient.Email("parent@example.fr"), new PasswordResetLinkMessage("Sophie", "sophie.dupont"), new OneTimeSecret(token, "hash"));
        var id = context.ChangeTracker.Entries<Notification>().Single().Entity.Id;
        await _database.UnitOfWork(context).SaveChangesAsync(default);
        return id;
    }

    private async Task<Notification> LoadAsync(Guid id)
    {
        await using var context = _database.NewContext();
        return await context.Notifications.SingleAsync(n => n.Id == id);
    }

    [Fact]
    public async Task Enqueue_StoresTheSecretEncrypted_AndDispatchesOnlyAfterTheCommit()
    {
        var id = await EnqueueResetLinkAsync("TOKEN-123");

        var stored = await LoadAsync(id);
        Assert.NotNull(stored.ProtectedSecret);
        Assert.DoesNotContain("TOKEN-123", stored.ProtectedSecret, StringComparison.Ordinal);
        Assert.Equal("TOKEN-123", _protector.Unprotect(stored.ProtectedSecret));
        _database.Jobs.Received(1).Create(Arg.Is<Job>(j => j.Method.Name == nameof(NotificationDeliveryJob.DeliverDueAsync)), Arg.Any<EnqueuedState>());
    }

    [Fact]
    public async Task Deliver_SendsOnce_MarksSent_AndErasesTheSecret_EvenWhenRunTwice()
    {
        var id = await EnqueueResetLinkAsync("TOKEN-123");

        await using (var context = _database.NewContext())
        {
            await DeliveryJob(context).DeliverAsync(id, default);
        }

        await using (var context = _database.NewContext())
        {
            await DeliveryJob(context).DeliverAsync(id, default);
        }

        var sent = Assert.Single(_email.Sent);
        Assert.Contains("https://ent77.example/reinitialisation#token=TOKEN-123", sent.Text, StringComparison.Ordinal);
        Assert.Equal("parent@example.fr", sent.To);
        var stored = await LoadAsync(id);
        Assert.NotNull(stored.SentAt);
        Assert.Null(stored.ProtectedSecret);
        Assert.Equal(1, stored.Attempts);
    }

    [Fact]
    public async Task Deliver_WhileAnotherWorkerHoldsTheMessage_SendsNothing()
    {
        var id = await EnqueueResetLinkAsync();
        await using (var context = _database.NewContext())
        {
            await context.Notifications.Where(n => n.Id == id)
                .ExecuteUpdateAsync(set => set.SetProperty(n => n.ClaimedUntil, _database.Time.GetUtcNow().AddMinutes(1)));
        }

        await using (var context = _database.NewContext())
        {
            await DeliveryJob(context).DeliverAsync(id, default);
        }

        Assert.Empty(_email.Sent);
    }

    [Fact]
    public async Task Deliver_WhenTheRelayFails_KeepsTheErrorAndRetriesWithBackOff_ThenAbandons()
    {
        var id = await EnqueueResetLinkAsync();
        _email.FailWith = new IOException("Connexion refusée");

        for (var attempt = 1; attempt <= _jobs.MaxAttempts; attempt++)
        {
            await using var context = _database.NewContext();
            await DeliveryJob(context).DeliverAsync(id, default);
            var stored = await LoadAsync(id);
            Assert.Equal(attempt, stored.Attempts);
            Assert.Contains("Connexion refusée", stored.LastError, StringComparison.Ordinal);
            if (attempt < _jobs.MaxAttempts)
            {
                Assert.Equal(_database.Time.GetUtcNow() + _jobs.RetryDelay(attempt), stored.NextAttemptAt);
                Assert.Null(stored.AbandonedAt);
                Assert.NotNull(stored.ProtectedSecret);
            }
            else
            {
                Assert.NotNull(stored.AbandonedAt);
                Assert.Null(stored.ProtectedSecret);
            }
        }

        Assert.Equal(TimeSpan.FromSeconds(30), _jobs.RetryDelay(2));
        _database.Jobs.Received(_jobs.MaxAttempts - 1).Create(Arg.Any<Job>(), Arg.Any<ScheduledState>());
    }

    private async Task<List<Guid>> EnqueueResetLinksAsync(int count)
    {
        await using var context = _database.NewContext();
        var outbox = new NotificationOutbox(context, _protector, _database.Time);
        for (var i = 0; i < count; i++)
        {
            outbox.Enqueue(MessageRecipient.Email($"parent{i}@example.fr"), new PasswordResetLinkMessage("Sophie", $"sophie.dupont{i}"), new OneTimeSecret($"TOKEN-{i}", "hash"));
            _database.Time.Advance(TimeSpan.FromMilliseconds(1)); // the batch goes in the order of writing
        }

        var ids = context.ChangeTracker.Entries<Notification>().OrderBy(e => e.Entity.CreatedAt).Select(e => e.Entity.Id).ToList();
        await _database.UnitOfWork(context).SaveChangesAsync(default);
        return ids;
    }

    private async Task DeliverDueAsync()
    {
        await using var context = _database.NewContext();
        await DeliveryJob(context).DeliverDueAsync(default);
    }

    private async Task<List<Notification>> LoadAllAsync(IEnumerable<Guid> ids)
    {
        await using var context = _database.NewContext();
        var all = await context.Notifications.AsNoTracking().ToDictionaryAsync(n => n.Id);
        return ids.Select(id => all[id]).ToList();
    }

    [Fact]
    public async Task DeliverDue_SendsEveryDueMessageOverOneConnection_InSeveralClaims_EachOnce()
    {
        var ids = await EnqueueResetLinksAsync(NotificationDeliveryJob.BatchSize * 2 + 50);

        await DeliverDueAsync();
        await DeliverDueAsync(); // run again (a second job, the sweep's): nothing is due any more

        Assert.Equal(1, _email.Connections);
        Assert.Equal(ids.Count, _email.Sent.Count);
        Assert.Equal(ids.Count, _email.Sent.Select(s => s.To).Distinct().Count());
        Assert.Equal("parent0@example.fr", _email.Sent[0].To);
        Assert.Contains("token=TOKEN-0", _email.Sent[0].Text, StringComparison.Ordinal);
        Assert.All(await LoadAllAsync(ids), n =>
        {
            Assert.NotNull(n.SentAt);
            Assert.Equal(1, n.Attempts);
            Assert.Null(n.ProtectedSecret);
            Assert.Null(n.ClaimToken);
            Assert.Null(n.ClaimedUntil);
        });
    }

    [Fact]
    public async Task DeliverDue_WhenAMessageGoesOut_AtMostTheOneAcceptedJustBeforeItIsNotYetMarkedSent()
    {
        var ids = await EnqueueResetLinksAsync(NotificationDeliveryJob.BatchSize + 20);
        var unmarked = new List<int>(); // at each send: messages the relay accepted whose mark is not committed
        _email.BeforeSend = async () =>
        {
            var accepted = _email.Sent.Select(s => s.To).ToList();
            await using var context = _database.NewContext();
            var marked = await context.Notifications.CountAsync(n => n.SentAt != null && accepted.Contains(n.Recipient));
            unmarked.Add(accepted.Count - marked);
        };

        await DeliverDueAsync();

        Assert.Equal(ids.Count, unmarked.Count);
        Assert.Equal(0, unmarked[0]);
        Assert.All(unmarked, u => Assert.InRange(u, 0, 1)); // a SIGKILL can resend at most that one and the one in flight
        Assert.All(await LoadAllAsync(ids), n => Assert.Equal((1, true, null), (n.Attempts, n.SentAt is not null, n.ProtectedSecret)));
    }

    [Fact]
    public async Task DeliverDue_AFailureOnMessageKOfABatch_LeavesTheEarlierOnesSentOnce_TheFailedOneRetriedWithBackOff_AndTheRestGivenBackToANewJob()
    {
        var ids = await EnqueueResetLinksAsync(10);
        _email.Refuse = "parent3@example.fr";
        _database.Jobs.ClearReceivedCalls();

        await DeliverDueAsync();

        Assert.Equal(["parent0@example.fr", "parent1@example.fr", "parent2@example.fr"], _email.Sent.Select(s => s.To));
        var stored = await LoadAllAsync(ids);
        Assert.All(stored.Take(3), n => Assert.Equal((1, true), (n.Attempts, n.SentAt is not null)));
        Assert.Equal(1, stored[3].Attempts);
        Assert.Null(stored[3].SentAt);
        Assert.Contains("550 parent3@example.fr refused", stored[3].LastError, StringComparison.Ordinal);
        Assert.Equal(_database.Time.GetUtcNow() + _jobs.RetryDelay(1), stored[3].NextAttemptAt);
        Assert.NotNull(stored[3].ProtectedSecret);
        Assert.All(stored.Skip(4), n =>
        {
            Assert.Equal(0, n.Attempts);
            Assert.Null(n.SentAt);
            Assert.Null(n.ClaimedUntil); // given back: due at once
            Assert.Null(n.ClaimToken);
            Assert.NotNull(n.ProtectedSecret);
        });
        _database.Jobs.Received(1).Create(Arg.Is<Job>(j => j.Method.Name == nameof(NotificationDeliveryJob.DeliverDueAsync)), Arg.Any<EnqueuedState>());
        _database.Jobs.Received(1).Create(
            Arg.Is<Job>(j => j.Method.Name == nameof(NotificationDeliveryJob.RetryAsync) && ((Guid[])j.Args[0]).SequenceEqual(new[] { ids[3] })), Arg.Any<ScheduledState>());

        await DeliverDueAsync(); // the new job: the rest, not the failed one (its retry is not due)
        Assert.Equal(9, _email.Sent.Count);

        _email.Refuse = null;
        await using (var context = _database.NewContext())
        {
            await DeliveryJob(context).RetryAsync([ids[3]], default); // the scheduled retry
        }

        await DeliverDueAsync();

        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"parent{i}@example.fr").Order(), _email.Sent.Select(s => s.To).Order());
        stored = await LoadAllAsync(ids);
        Assert.All(stored, n => Assert.NotNull(n.SentAt));
        Assert.Equal([1, 1, 1, 2, 1, 1, 1, 1, 1, 1], stored.Select(n => n.Attempts));
    }

    [Fact]
    public async Task DeliverDue_WhenTheRelayCannotBeReached_EveryMessageOfTheBatchCountsAFailedAttempt_AndOneRetryIsScheduled()
    {
        var ids = await EnqueueResetLinksAsync(3);
        _email.FailToConnect = new IOException("Connexion refusée");
        _database.Jobs.ClearReceivedCalls();

        await DeliverDueAsync();

        Assert.Empty(_email.Sent);
        Assert.All(await LoadAllAsync(ids), n =>
        {
            Assert.Equal(1, n.Attempts);
            Assert.Null(n.SentAt);
            Assert.Contains("Connexion refusée", n.LastError, StringComparison.Ordinal);
            Assert.Equal(_database.Time.GetUtcNow() + _jobs.RetryDelay(1), n.NextAttemptAt);
        });
        _database.Jobs.DidNotReceive().Create(Arg.Any<Job>(), Arg.Any<EnqueuedState>());
        _database.Jobs.Received(1).Create(Arg.Is<Job>(j => ((Guid[])j.Args[0]).Order().SequenceEqual(ids.Order())), Arg.Any<ScheduledState>());
    }

    [Fact]
    public async Task Sweep_ReEnqueuesUnsentDueMessagesOnly()
    {
        var pending = await EnqueueResetLinkAsync();
        var sent = await EnqueueResetLinkAsync();
        await using (var context = _database.NewContext())
        {
            await DeliveryJob(context).DeliverAsync(sent, default);
        }

        _database.Jobs.ClearReceivedCalls();
        await using var sweepContext = _database.NewContext();
        var count = await new NotificationSweepJob(sweepContext, _database.Jobs, _database.Time).RunAsync(default);

        Assert.Equal(1, count);
        _database.Jobs.Received(1).Create(Arg.Is<Job>(j => j.Method.Name == nameof(NotificationDeliveryJob.DeliverDueAsync)), Arg.Any<EnqueuedState>());
        await using (var context = _database.NewContext())
        {
            await DeliveryJob(context).DeliverDueAsync(default);
        }

        Assert.Equal(2, _email.Sent.Count);
        Assert.NotNull((await LoadAsync(pending)).SentAt);

        _database.Jobs.ClearReceivedCalls();
        await using var secondSweep = _database.NewContext();
        Assert.Equal(0, await new NotificationSweepJob(secondSweep, _database.Jobs, _database.Time).RunAsync(default));
        _database.Jobs.DidNotReceive().Create(Arg.Any<Job>(), Arg.Any<EnqueuedState>());
    }

    [Fact]
    public void Renderer_WritesFrenchMessagesWithTheTokenInTheFragment_AndEncodesNames()
    {
        var content = Renderer().Email(nameof(PasswordResetLinkMessage),
            JsonSerializer.Serialize(new PasswordResetLinkMessage("<b>Zoé</b>", "zoe.martin")), "abc_DEF-123");

        Assert.Equal("ENT 77 : réinitialisation de votre mot de passe", content.Subject);
        Assert.Contains("https://ent77.example/reinitialisation#token=abc_DEF-123", content.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("?token", content.Text, StringComparison.Ordinal);
        Assert.Contains("valable 60 minutes", content.Text, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;Zo", content.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>Zoé</b>", content.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Renderer_IdentifierReminder_ListsEveryIdentifier()
    {
        var content = Renderer().Email(nameof(IdentifierReminderMessage),
            JsonSerializer.Serialize(new IdentifierReminderMessage(["jean.dupont", "jean.dupont2"])), null);

        Assert.Contains("• jean.dupont", content.Text, StringComparison.Ordinal);
        Assert.Contains("• jean.dupont2", content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PickupFolder_WritesAnEmlFileANewcomerCanOpen()
    {
        var folder = Path.Combine(_database.Folder, "mail");
        using var message = Renderer().MimeFor("parent@example.fr", nameof(PasswordChangedMessage),
            JsonSerializer.Serialize(new PasswordChangedMessage("Sophie", "sophie.dupont")), null);

        await new PickupFolderEmailSender(folder).SendAsync(message, default);

        var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
        var parsed = await MimeMessage.LoadAsync(file);
        Assert.Equal("ENT 77 : votre mot de passe a été modifié", parsed.Subject);
        Assert.Equal("parent@example.fr", parsed.To.Mailboxes.Single().Address);
    }

    private sealed class RecordingEmailSender : IEmailSender, IEmailConnection
    {
        public List<(string To, string Subject, string Text)> Sent { get; } = [];

        public Exception? FailWith { get; set; }

        /// <summary>The relay refuses messages to this address (the connection stays up).</summary>
        public string? Refuse { get; set; }

        public int Connections { get; private set; }

        public Exception? FailToConnect { get; set; }

        /// <summary>Runs as each message starts out, before the relay accepts it.</summary>
        public Func<Task>? BeforeSend { get; set; }

        public Task<IEmailConnection> ConnectAsync(CancellationToken cancellationToken)
        {
            if (FailToConnect is not null)
            {
                throw FailToConnect;
            }

            Connections++;
            return Task.FromResult<IEmailConnection>(this);
        }

        public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            if (BeforeSend is not null)
            {
                await BeforeSend();
            }

            var to = message.To.Mailboxes.Single().Address;
            if (FailWith is not null)
            {
                throw FailWith;
            }

            if (to == Refuse)
            {
                throw new InvalidOperationException($"550 {to} refused");
            }

            Sent.Add((to, message.Subject ?? "", message.TextBody ?? ""));
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
