using Ent77.Application.Common;
using Ent77.Application.Notifications;
using Ent77.Domain.Notifications;
using Ent77.Infrastructure.Notifications;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
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

    private MessageRenderer Renderer() => new(
        Options.Create(new AppOptions { Name = "ENT 77", PublicBaseUrl = "https://ent77.example/" }),
        Options.Create(new RecoveryOptions()),
        Options.Create(new SmtpOptions()));

    private NotificationDeliveryJob DeliveryJob(Persistence.Ent77DbContext context) => new(
        context, Renderer(), _email, Substitute.For<ISmsSender>(), _protector, _database.Jobs, Options.Create(_jobs), _database.Time,
        NullLogger<NotificationDeliveryJob>.Instance);

    private async Task<Guid> EnqueueResetLinkAsync(string token = "TOKEN-123")
    {
        await using var context = _database.NewContext();
        new NotificationOutbox(context, _protector, _database.Time).Enqueue(new OutgoingMessage(
            NotificationChannel.Email, "parent@example.fr", NotificationTemplates.PasswordResetLink,
            new Dictionary<string, string> { ["firstName"] = "Sophie", ["identifier"] = "sophie.dupont" }, token));
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
        _database.Jobs.Received(1).Create(Arg.Is<Job>(j => j.Method.Name == nameof(NotificationDeliveryJob.DeliverAsync)), Arg.Any<EnqueuedState>());
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
        _database.Jobs.Received(1).Create(Arg.Is<Job>(j => (Guid)j.Args[0] == pending), Arg.Any<EnqueuedState>());
    }

    [Fact]
    public void Renderer_WritesFrenchMessagesWithTheTokenInTheFragment_AndEncodesNames()
    {
        var content = Renderer().Email(NotificationTemplates.PasswordResetLink,
            new Dictionary<string, string> { ["firstName"] = "<b>Zoé</b>", ["identifier"] = "zoe.martin" }, "abc_DEF-123");

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
        var content = Renderer().Email(NotificationTemplates.IdentifierReminder,
            new Dictionary<string, string> { ["identifiers"] = "jean.dupont,jean.dupont2" }, null);

        Assert.Contains("• jean.dupont", content.Text, StringComparison.Ordinal);
        Assert.Contains("• jean.dupont2", content.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PickupFolder_WritesAnEmlFileANewcomerCanOpen()
    {
        var folder = Path.Combine(_database.Folder, "mail");
        using var message = Renderer().MimeFor("parent@example.fr", NotificationTemplates.PasswordChanged,
            """{"firstName":"Sophie","identifier":"sophie.dupont"}""", null);

        await new PickupFolderEmailSender(folder).SendAsync(message, default);

        var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
        var parsed = await MimeMessage.LoadAsync(file);
        Assert.Equal("ENT 77 : votre mot de passe a été modifié", parsed.Subject);
        Assert.Equal("parent@example.fr", parsed.To.Mailboxes.Single().Address);
    }

    private sealed class RecordingEmailSender : IEmailSender
    {
        public List<(string To, string Subject, string Text)> Sent { get; } = [];

        public Exception? FailWith { get; set; }

        public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            if (FailWith is not null)
            {
                throw FailWith;
            }

            Sent.Add((message.To.Mailboxes.Single().Address, message.Subject ?? "", message.TextBody ?? ""));
            return Task.CompletedTask;
        }
    }
}
