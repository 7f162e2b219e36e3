using System.Diagnostics.Metrics;
using Ent77.Domain.Auditing;
using Ent77.Domain.Notifications;
using Ent77.Domain.Support;
using Ent77.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Ent77.Infrastructure.Observability;

/// <summary>
/// The product's own instruments (meter <c>Ent77</c>, published at <c>/metrics</c> when <c>Metrics:Enabled</c>; see
/// docs/OPERATIONS.md "Metrics"). Counters count what was committed, never what was tried: the unit of work hands over
/// the audit events of each commit (<see cref="Committed"/>), and the delivery job tells each send. Gauges read the
/// database when scraped, so every instance reports the same, service-wide values.
/// <para>
/// This is the one place that knows the instruments: moving a hook (for instance into a domain-event handler) moves
/// one call, not the metric.
/// </para>
/// </summary>
public sealed class Ent77Metrics : IDisposable
{
    public const string MeterName = "Ent77";

    /// <summary>Histogram of the time to hand one message over (read by the notification benchmark too).</summary>
    public const string SendDurationInstrument = "ent77.messages.send_duration";

    /// <summary>Histogram of the time from a message's acceptance to its committed mark, by <c>phase</c>.</summary>
    public const string MarkDurationInstrument = "ent77.messages.mark_duration";

    private readonly Meter _meter;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly Counter<long> _signIns;
    private readonly Counter<long> _activations;
    private readonly Counter<long> _lockouts;
    private readonly Counter<long> _resetsRequested;
    private readonly Counter<long> _messagesSent;
    private readonly Counter<long> _messagesFailed;
    private readonly Histogram<double> _sendDuration;
    private readonly Histogram<double> _markDuration;

    public Ent77Metrics(IMeterFactory meters, IServiceScopeFactory scopes, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _scopes = scopes;
        _time = time;
        _meter = meters.Create(MeterName);
        _signIns = _meter.CreateCounter<long>("ent77.sign_ins", "{sign-in}", "Sign-ins by outcome: succeeded, failed (wrong secret, unknown identifier, locked), activation_required.");
        _activations = _meter.CreateCounter<long>("ent77.activations", "{activation}", "Activations by outcome: succeeded, failed.");
        _lockouts = _meter.CreateCounter<long>("ent77.lockouts", "{lockout}", "Accounts locked after too many failures.");
        _resetsRequested = _meter.CreateCounter<long>("ent77.password_resets.requested", "{request}", "Password resets sent out, by channel.");
        _messagesSent = _meter.CreateCounter<long>("ent77.messages.sent", "{message}", "Messages handed to the relay or gateway, by channel.");
        _messagesFailed = _meter.CreateCounter<long>("ent77.messages.failed", "{attempt}", "Failed sends (each is retried later, or abandoned after the last attempt), by channel.");
        _sendDuration = _meter.CreateHistogram<double>(SendDurationInstrument, "s", "Time to hand one message to the relay or gateway (rendering included), by channel; successful sends only.");
        _markDuration = _meter.CreateHistogram<double>(MarkDurationInstrument, "s", "Time from a message's acceptance to its committed \"sent\" mark, by phase: queued (waiting for the database's write queue, SQLite only) and written (the UPDATE and its commit).");
        _meter.CreateObservableGauge("ent77.outbox.waiting", () => Count(db => OutboxWaiting(db).Count()), "{message}", "Messages not sent yet (nor abandoned).");
        _meter.CreateObservableGauge("ent77.outbox.oldest_age", OldestAge, "s", "Age of the oldest message not sent yet; 0 when none waits.");
        _meter.CreateObservableGauge("ent77.help_requests.open", () => Count(db => db.HelpRequests.Count(r => r.Status == HelpRequestStatus.Open || r.Status == HelpRequestStatus.InProgress)), "{request}", "Help requests not closed yet.");
    }

    /// <summary>The audit events one unit of work has just committed.</summary>
    public void Committed(IEnumerable<AuditEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            switch (e.Type)
            {
                case AuditTypes.SignInSucceeded:
                    _signIns.Add(1, new KeyValuePair<string, object?>("outcome", "succeeded"));
                    break;
                case AuditTypes.SignInFailed:
                    _signIns.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
                    break;
                case AuditTypes.SignInActivationRequired:
                    _signIns.Add(1, new KeyValuePair<string, object?>("outcome", "activation_required"));
                    break;
                case AuditTypes.AccountActivated:
                    _activations.Add(1, new KeyValuePair<string, object?>("outcome", "succeeded"));
                    break;
                case AuditTypes.ActivationFailed:
                    _activations.Add(1, new KeyValuePair<string, object?>("outcome", "failed"));
                    break;
                case AuditTypes.AccountLockedOut:
                    _lockouts.Add(1);
                    break;
                case AuditTypes.PasswordResetRequested:
                    _resetsRequested.Add(1, new KeyValuePair<string, object?>("channel", (e.Details ?? "?").ToLowerInvariant()));
                    break;
            }
        }
    }

    /// <summary>A message the relay or gateway accepted, and how long handing it over took.</summary>
    public void MessageHandedOver(NotificationChannel channel, TimeSpan duration) => _sendDuration.Record(duration.TotalSeconds, Channel(channel));

    /// <summary>A message sent, its "sent" mark committed: how long the mark waited for the write queue, and how long it took.</summary>
    public void MessageSent(NotificationChannel channel, TimeSpan markQueued, TimeSpan markWritten)
    {
        _messagesSent.Add(1, Channel(channel));
        _markDuration.Record(markQueued.TotalSeconds, new KeyValuePair<string, object?>("phase", "queued"));
        _markDuration.Record(markWritten.TotalSeconds, new KeyValuePair<string, object?>("phase", "written"));
    }

    public void MessageFailed(NotificationChannel channel) => _messagesFailed.Add(1, Channel(channel));

    public void Dispose() => _meter.Dispose();

    private static KeyValuePair<string, object?> Channel(NotificationChannel channel) =>
        new("channel", channel == NotificationChannel.Email ? "email" : "sms");

    private static IQueryable<Notification> OutboxWaiting(Ent77DbContext db) =>
        db.Notifications.Where(n => n.SentAt == null && n.AbandonedAt == null);

    private IEnumerable<Measurement<int>> Count(Func<Ent77DbContext, int> count) =>
        TryQuery(count, out var value) ? [new Measurement<int>(value)] : [];

    private IEnumerable<Measurement<double>> OldestAge()
    {
        if (!TryQuery(db => OutboxWaiting(db).OrderBy(n => n.CreatedAt).Select(n => (DateTimeOffset?)n.CreatedAt).FirstOrDefault(), out var oldest))
        {
            return [];
        }

        return [new Measurement<double>(oldest is { } since ? Math.Max(0, (_time.GetUtcNow() - since).TotalSeconds) : 0)];
    }

    /// <summary>One short query when a gauge is scraped; no sample when the database does not answer.</summary>
    private bool TryQuery<T>(Func<Ent77DbContext, T> query, out T result)
    {
        try
        {
            using var scope = _scopes.CreateScope();
            result = query(scope.ServiceProvider.GetRequiredService<Ent77DbContext>());
            return true;
        }
        catch (Exception e) when (e is System.Data.Common.DbException || StorageFailures.IsTemporarilyUnavailable(e))
        {
            result = default!;
            return false;
        }
    }
}
