using Ent77.Application.Notifications;
using Ent77.Domain.Notifications;
using Ent77.Infrastructure.Persistence;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ent77.Infrastructure.Notifications;

/// <summary>
/// Delivers the outbox in batches (docs/PERFORMANCE.md "Notification pipeline"): claims the due messages atomically
/// (<see cref="OutboxClaim"/>, so a job run twice, or by two instances, sends once), sends them one after the other over
/// one SMTP connection, and marks each sent (its secret erased), committed while the next one goes; then claims again
/// until nothing is due. A message that fails is kept with its error and tried again later
/// with back-off (abandoned after <see cref="JobsOptions.MaxAttempts"/>); the ones after it in the batch are given back
/// untried, to a new job on a new connection. When the relay cannot be reached at all, the whole batch counts a failed attempt.
/// A batch is never sent past half of its claim (<see cref="JobsOptions.ClaimDuration"/>): what is left goes back to a new job,
/// so no other job can take a message this one is still sending.
/// A retry is a job of its own (<see cref="RetryAsync"/>), scheduled for the end of the back-off, that takes those messages.
/// </summary>
public sealed partial class NotificationDeliveryJob(
    Ent77DbContext db,
    SqliteWriteGate writeGate,
    MessageRenderers renderers,
    IEmailSender email,
    ISmsSender sms,
    OutboxSecretProtector protector,
    IBackgroundJobClient jobs,
    IOptions<JobsOptions> options,
    TimeProvider time,
    Observability.Ent77Metrics metrics,
    ILogger<NotificationDeliveryJob> logger)
{
    /// <summary>Messages one claim takes at most: what waits for a claim's expiry if the instance dies holding it.</summary>
    public const int BatchSize = 100;

    [AutomaticRetry(Attempts = 0)] // the outbox keeps its own attempts and back-off
    public async Task DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = new LazyConnection(email);
        while (true)
        {
            List<Notification> batch;
            using (await writeGate.EnterAsync(db, cancellationToken))
            {
                batch = await OutboxClaim.ClaimDueAsync(db, time.GetUtcNow(), options.Value.ClaimDuration, BatchSize, cancellationToken);
            }

            if (batch.Count == 0 || !await DeliverAsync(batch, connection, cancellationToken))
            {
                return;
            }

            db.ChangeTracker.Clear();
        }
    }

    /// <summary>One message, if still to send and free (jobs enqueued before batches existed).</summary>
    [AutomaticRetry(Attempts = 0)]
    public Task DeliverAsync(Guid notificationId, CancellationToken cancellationToken) => RetryAsync([notificationId], cancellationToken);

    /// <summary>The retry of messages that failed, scheduled for when their back-off ends: those, over one connection.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task RetryAsync(Guid[] notificationIds, CancellationToken cancellationToken)
    {
        List<Notification> batch;
        using (await writeGate.EnterAsync(db, cancellationToken))
        {
            batch = await OutboxClaim.ClaimAsync(db, notificationIds, time.GetUtcNow(), options.Value.ClaimDuration, cancellationToken);
        }

        if (batch.Count > 0)
        {
            await using var connection = new LazyConnection(email);
            await DeliverAsync(batch, connection, cancellationToken);
        }
    }

    /// <summary>
    /// Sends a claimed batch in order over one connection; false when it stopped on a failure (what follows is given back).
    /// Each accepted message is marked sent (<see cref="OutboxMark"/>) and committed while the next one goes out, never
    /// later: the next-but-one is sent only once that commit is done. So a crash (SIGKILL) can resend at most two messages
    /// per delivering job, the one accepted just before it (its mark not yet committed) and the one in flight.
    /// (A group commit, marking several accepted messages at once, was faster and resent a dozen after a kill in the
    /// multi-instance test: docs/PERFORMANCE.md, target 1.)
    /// </summary>
    private async Task<bool> DeliverAsync(List<Notification> batch, LazyConnection connection, CancellationToken cancellationToken)
    {
        var marking = Task.CompletedTask; // the mark of the message accepted last, being committed
        for (var i = 0; i < batch.Count; i++)
        {
            var notification = batch[i];
            if (ClaimRunningOut(notification))
            {
                // A slow relay: past half of the claim, another instance may soon take these; give them back first.
                await marking;
                await ReleaseAsync(batch.Skip(i));
                return false;
            }

            var sending = time.GetTimestamp();
            try
            {
                await SendAsync(notification, connection, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await marking;
                await FailAsync(batch, i, e, connectionFailed: connection.Failed);
                return false;
            }
            catch (OperationCanceledException)
            {
                // Shutting down: the one being sent stays claimed until the claim expires (it may have been accepted).
                await marking;
                await ReleaseAsync(batch.Skip(i + 1));
                throw;
            }

            metrics.MessageHandedOver(notification.Channel, time.GetElapsedTime(sending));
            await marking; // never two accepted messages waiting for their mark
            marking = MarkSentAsync(notification);
        }

        await marking;
        LogSent(logger, batch.Count);
        return true;
    }

    /// <summary>
    /// Marks an accepted message sent and commits it, on a thread of its own (SQLite's "asynchronous" commit runs inline),
    /// so that the next message goes out meanwhile. The DbContext is the job's: nothing else uses it until this is awaited.
    /// </summary>
    private Task MarkSentAsync(Notification notification) => Task.Run(
        async () =>
        {
            notification.MarkSent(time.GetUtcNow());
            var queued = time.GetTimestamp();
            TimeSpan waited;
            long writing;
            using (await writeGate.EnterAsync(db, CancellationToken.None))
            {
                waited = time.GetElapsedTime(queued);
                writing = time.GetTimestamp();
                await OutboxMark.WriteAsync(db, notification, CancellationToken.None);
            }

            metrics.MessageSent(notification.Channel, waited, time.GetElapsedTime(writing));
        },
        CancellationToken.None);

    /// <summary>
    /// Less than half of this message's claim is left: sending it now could outlast the claim, after which another job may
    /// claim and send it too (a batch is sent one message after the other, and the claim was taken for all of them at once).
    /// </summary>
    private bool ClaimRunningOut(Notification notification) =>
        notification.ClaimedUntil is not { } until || time.GetUtcNow() >= until - (options.Value.ClaimDuration / 2);

    /// <summary>Gives messages back untried (no attempt counted), to a new job at once.</summary>
    private async Task ReleaseAsync(IEnumerable<Notification> notifications)
    {
        var released = 0;
        foreach (var notification in notifications)
        {
            notification.Release();
            released++;
        }

        await SaveAsync();
        if (released > 0)
        {
            jobs.Enqueue<NotificationDeliveryJob>(job => job.DeliverDueAsync(CancellationToken.None));
        }
    }

    private async Task SendAsync(Notification notification, LazyConnection connection, CancellationToken cancellationToken)
    {
        var secret = notification.ProtectedSecret is null ? null : protector.Unprotect(notification.ProtectedSecret);
        if (notification.Channel == NotificationChannel.Email)
        {
            using var message = renderers.MimeFor(notification.Recipient, notification.Template, notification.Data, secret);
            await (await connection.OpenAsync(cancellationToken)).SendAsync(message, cancellationToken);
        }
        else
        {
            await sms.SendAsync(notification.Recipient, renderers.SmsText(notification.Template, notification.Data, secret), cancellationToken);
        }
    }

    /// <summary>
    /// Message <paramref name="index"/> failed: it counts an attempt (with back-off) and the rest are given back to a new job
    /// at once; when the relay could not be reached, every remaining e-mail of the batch counts the attempt instead.
    /// </summary>
    private async Task FailAsync(List<Notification> batch, int index, Exception error, bool connectionFailed)
    {
        var now = time.GetUtcNow();
        var rest = batch.Skip(index + 1).ToList();
        var failed = rest.Where(other => connectionFailed && other.Channel == NotificationChannel.Email).Prepend(batch[index]).ToList();
        var retries = new List<(Guid Id, DateTimeOffset Due)>();
        foreach (var notification in failed)
        {
            var attempt = notification.Attempts + 1;
            DateTimeOffset? next = attempt >= options.Value.MaxAttempts ? null : now + options.Value.RetryDelay(attempt);
            notification.MarkFailed($"{error.GetType().Name}: {error.Message}", now, next);
            metrics.MessageFailed(notification.Channel);
            LogFailed(logger, notification.Id, attempt, next, error.GetType().Name);
            if (next is { } due)
            {
                retries.Add((notification.Id, due));
            }
        }

        await ReleaseAsync(rest.Except(failed)); // saves the failures with the release
        foreach (var retry in retries.GroupBy(r => r.Due))
        {
            var ids = retry.Select(r => r.Id).ToArray();
            jobs.Schedule<NotificationDeliveryJob>(job => job.RetryAsync(ids, CancellationToken.None), retry.Key - now);
        }
    }

    /// <summary>Writes through the process's SQLite write queue (a writer that met the lock would sleep; see SqliteWriteGate).</summary>
    private async Task SaveAsync()
    {
        using (await writeGate.EnterAsync(db, CancellationToken.None))
        {
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} notifications sent")]
    private static partial void LogSent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} failed (attempt {Attempt}, next {NextAttempt}): {Error}")]
    private static partial void LogFailed(ILogger logger, Guid notificationId, int attempt, DateTimeOffset? nextAttempt, string error);
}
