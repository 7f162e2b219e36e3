using Hangfire;
using Microsoft.Extensions.Logging;

namespace Ent77.Infrastructure.Notifications;

/// <summary>After a commit that wrote messages, asks the job server for one delivery job: it takes every due message at once.</summary>
public sealed partial class OutboxDispatcher(IBackgroundJobClient jobs, ILogger<OutboxDispatcher> logger)
{
    public void Dispatch(IReadOnlyCollection<Guid> notificationIds)
    {
        ArgumentNullException.ThrowIfNull(notificationIds);
        if (notificationIds.Count == 0)
        {
            return;
        }

        try
        {
            jobs.Enqueue<NotificationDeliveryJob>(job => job.DeliverDueAsync(CancellationToken.None));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The messages are committed: the sweep will enqueue a delivery.
            LogEnqueueFailed(logger, notificationIds.Count, e.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not enqueue the delivery of {Count} notifications ({Error}); the sweep will")]
    private static partial void LogEnqueueFailed(ILogger logger, int count, string error);
}
