using Ent77.Application.Notifications;
using Ent77.Domain.Notifications;
using Ent77.Infrastructure.Persistence;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ent77.Infrastructure.Notifications;

/// <summary>
/// Delivers one outbox message. It first claims the row atomically (so a job run twice, or by two
/// workers, sends once), sends, then marks it sent and erases its secret. A failed send is kept with its
/// error and tried again later with back-off; after <see cref="JobsOptions.MaxAttempts"/> it is abandoned.
/// </summary>
public sealed partial class NotificationDeliveryJob(
    Ent77DbContext db,
    MessageRenderer renderer,
    IEmailSender email,
    ISmsSender sms,
    OutboxSecretProtector protector,
    IBackgroundJobClient jobs,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<NotificationDeliveryJob> logger)
{
    [AutomaticRetry(Attempts = 0)] // the outbox keeps its own attempts and back-off
    public async Task DeliverAsync(Guid notificationId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimedUntil = now + options.Value.ClaimDuration;
        var claimed = await db.Notifications
            .Where(n => n.Id == notificationId && n.SentAt == null && n.AbandonedAt == null && (n.ClaimedUntil == null || n.ClaimedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(n => n.ClaimedUntil, claimedUntil), cancellationToken);
        if (claimed == 0)
        {
            return; // already sent, abandoned, or in another worker's hands
        }

        var notification = await db.Notifications.SingleAsync(n => n.Id == notificationId, cancellationToken);
        try
        {
            var secret = notification.ProtectedSecret is null ? null : protector.Unprotect(notification.ProtectedSecret);
            if (notification.Channel == NotificationChannel.Email)
            {
                using var message = renderer.MimeFor(notification.Recipient, notification.Template, notification.Data, secret);
                await email.SendAsync(message, cancellationToken);
            }
            else
            {
                var data = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(notification.Data);
                await sms.SendAsync(notification.Recipient, renderer.SmsText(notification.Template, secret, data), cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var attempt = notification.Attempts + 1;
            DateTimeOffset? next = attempt >= options.Value.MaxAttempts ? null : now + options.Value.RetryDelay(attempt);
            notification.MarkFailed($"{e.GetType().Name}: {e.Message}", now, next);
            await db.SaveChangesAsync(CancellationToken.None);
            LogFailed(logger, notificationId, attempt, next, e.GetType().Name);
            if (next is { } due)
            {
                jobs.Schedule<NotificationDeliveryJob>(job => job.DeliverAsync(notificationId, CancellationToken.None), due - now);
            }

            return;
        }

        notification.MarkSent(time.GetUtcNow());
        await db.SaveChangesAsync(CancellationToken.None);
        LogSent(logger, notificationId, notification.Template);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {NotificationId} ({Template}) sent")]
    private static partial void LogSent(ILogger logger, Guid notificationId, string template);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} failed (attempt {Attempt}, next {NextAttempt}): {Error}")]
    private static partial void LogFailed(ILogger logger, Guid notificationId, int attempt, DateTimeOffset? nextAttempt, string error);
}

/// <summary>
/// Recurring safety net: re-enqueues every message that is unsent, not held, and due — one whose
/// enqueue was lost when the process died after the commit, or whose retry is due.
/// </summary>
public sealed class NotificationSweepJob(Ent77DbContext db, IBackgroundJobClient jobs, TimeProvider time)
{
    public const string RecurringJobId = "notifications-sweep";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(60)]
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var due = await db.Notifications
            .Where(n => n.SentAt == null && n.AbandonedAt == null
                && (n.NextAttemptAt == null || n.NextAttemptAt <= now)
                && (n.ClaimedUntil == null || n.ClaimedUntil < now))
            .OrderBy(n => n.CreatedAt)
            .Select(n => n.Id)
            .Take(1000)
            .ToListAsync(cancellationToken);
        foreach (var id in due)
        {
            jobs.Enqueue<NotificationDeliveryJob>(job => job.DeliverAsync(id, CancellationToken.None));
        }

        return due.Count;
    }
}

/// <summary>After a commit, asks the job server to deliver the messages that commit wrote.</summary>
public sealed partial class OutboxDispatcher(IBackgroundJobClient jobs, ILogger<OutboxDispatcher> logger)
{
    public void Dispatch(IReadOnlyCollection<Guid> notificationIds)
    {
        foreach (var id in notificationIds)
        {
            try
            {
                jobs.Enqueue<NotificationDeliveryJob>(job => job.DeliverAsync(id, CancellationToken.None));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // The message is committed: the sweep will enqueue it.
                LogEnqueueFailed(logger, id, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not enqueue notification {NotificationId} ({Error}); the sweep will")]
    private static partial void LogEnqueueFailed(ILogger logger, Guid notificationId, string error);
}
